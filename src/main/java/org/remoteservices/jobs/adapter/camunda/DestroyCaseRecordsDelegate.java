package org.remoteservices.jobs.adapter.camunda;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.remoteservices.jobs.application.RecordRetentionService;
import org.springframework.stereotype.Component;

/** Destroy the job's case records (what no legal hold keeps); records whether a hold kept something. */
@Component
public class DestroyCaseRecordsDelegate implements JavaDelegate {
  private final RecordRetentionService retention;

  public DestroyCaseRecordsDelegate(RecordRetentionService retention) {
    this.retention = retention;
  }

  @Override
  public void execute(DelegateExecution execution) {
    RecordRetentionProcess.Vars.RECORDS_KEPT.on(execution, retention.destroyCaseRecords(execution.getProcessBusinessKey()));
  }
}
