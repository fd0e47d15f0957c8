package org.remoteservices.privacy.adapter.camunda;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.remoteservices.privacy.application.ErasureService;
import org.springframework.stereotype.Component;

/** Erase the mails on record about the subject. */
@Component
public class EraseMailRecordsDelegate implements JavaDelegate {
  private final ErasureService erasure;

  public EraseMailRecordsDelegate(ErasureService erasure) {
    this.erasure = erasure;
  }

  @Override
  public void execute(DelegateExecution execution) {
    erasure.eraseMails(id(execution));
  }

  private static String id(DelegateExecution execution) {
    return execution.getProcessBusinessKey();
  }
}
