package org.remoteservices.privacy.adapter.camunda;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.remoteservices.privacy.application.ErasureSteps;
import org.remoteservices.privacy.api.ErasureStep;
import org.springframework.stereotype.Component;

/** Erase the subject's records from every store of the RECORDS step (support cases, earlier privacy requests, ...). */
@Component
public class EraseSupportRecordsDelegate implements JavaDelegate {
  private final ErasureSteps erasure;

  public EraseSupportRecordsDelegate(ErasureSteps erasure) {
    this.erasure = erasure;
  }

  @Override
  public void execute(DelegateExecution execution) {
    erasure.erase(id(execution), ErasureStep.RECORDS);
  }

  private static String id(DelegateExecution execution) {
    return execution.getProcessBusinessKey();
  }
}
