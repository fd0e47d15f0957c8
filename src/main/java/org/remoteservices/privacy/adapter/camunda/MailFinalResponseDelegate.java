package org.remoteservices.privacy.adapter.camunda;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.remoteservices.privacy.application.ErasureCertificates;
import org.remoteservices.privacy.application.PrivacyRequestService;
import org.springframework.stereotype.Component;

/** Mail the answer summarising what was done, with the erasure certificate if the request erased the subject. */
@Component
public class MailFinalResponseDelegate implements JavaDelegate {
  private final PrivacyRequestService requests;
  private final ErasureCertificates erasure;

  public MailFinalResponseDelegate(PrivacyRequestService requests, ErasureCertificates erasure) {
    this.requests = requests;
    this.erasure = erasure;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String id = execution.getProcessBusinessKey();
    requests.mailFinalResponse(id, erasure.certificate(id));
  }
}
