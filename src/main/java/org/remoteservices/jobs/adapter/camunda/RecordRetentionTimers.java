package org.remoteservices.jobs.adapter.camunda;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.remoteservices.jobs.application.RecordRetentionService;
import org.remoteservices.shared.time.TimeSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Due date of the record-retention timer, evaluated each time the instance waits: the day after the job's obsolescence
 * date + 10 years (read from the job, so a changed date moves it); after a pass a legal hold kept records from, not before
 * the re-check interval has passed.
 */
@Component("recordRetentionTimers")
public class RecordRetentionTimers {
  private final RecordRetentionService retention;
  private final TimeSource time;
  private final Duration holdRecheck;

  public RecordRetentionTimers(RecordRetentionService retention, TimeSource time,
      @Value("${rso.record-retention.legal-hold-recheck:P30D}") Duration holdRecheck) {
    this.retention = retention;
    this.time = time;
    this.holdRecheck = holdRecheck;
  }

  public Date destroyAt(DelegateExecution execution) {
    Instant due = retention.destroyAt(execution.getProcessBusinessKey());
    if (RecordRetentionProcess.Vars.RECORDS_KEPT.optionalFrom(execution).orElse(false)) {
      Instant recheck = time.now().plus(holdRecheck);
      if (recheck.isAfter(due)) {
        due = recheck;
      }
    }
    return Date.from(due);
  }
}
