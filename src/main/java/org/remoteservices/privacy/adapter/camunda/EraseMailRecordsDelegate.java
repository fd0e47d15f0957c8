package org.remoteservices.privacy.adapter.camunda;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.remoteservices.privacy.application.ErasureSteps;
import org.remoteservices.privacy.api.ErasureStep;
import org.springframework.stereotype.Component;

/** Erase the mails on record about the subject. */
@Component
public class EraseMailRecordsDelegate implements JavaDelegate {
  private final ErasureSteps erasure;

  public EraseMailRecordsDelegate(ErasureSteps erasure) {
    this.erasure = erasure;
  }

  @Override
  public void execute(DelegateExecution execution) {
    erasure.erase(id(execution), ErasureStep.MAILS);
  }

  private static String id(DelegateExecution execution) {
    return execution.getProcessBusinessKey();
  }
}
