package org.remoteservices.privacy.adapter.camunda;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.remoteservices.privacy.application.ErasureService;
import org.springframework.stereotype.Component;

/** Erase the subject's support records from our tables. */
@Component
public class EraseSupportRecordsDelegate implements JavaDelegate {
  private final ErasureService erasure;

  public EraseSupportRecordsDelegate(ErasureService erasure) {
    this.erasure = erasure;
  }

  @Override
  public void execute(DelegateExecution execution) {
    erasure.eraseRecords(id(execution));
  }

  private static String id(DelegateExecution execution) {
    return execution.getProcessBusinessKey();
  }
}
