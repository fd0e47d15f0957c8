package org.remoteservices.privacy.adapter.camunda;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.remoteservices.privacy.application.ErasureCertificates;
import org.springframework.stereotype.Component;

/** After the final response of an erasure: the request's own contact data, mails and files go. */
@Component
public class EraseRequesterContactDelegate implements JavaDelegate {
  private final ErasureCertificates erasure;

  public EraseRequesterContactDelegate(ErasureCertificates erasure) {
    this.erasure = erasure;
  }

  @Override
  public void execute(DelegateExecution execution) {
    erasure.eraseRequesterContact(id(execution));
  }

  private static String id(DelegateExecution execution) {
    return execution.getProcessBusinessKey();
  }
}
