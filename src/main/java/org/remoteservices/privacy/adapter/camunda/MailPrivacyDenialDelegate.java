package org.remoteservices.privacy.adapter.camunda;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.remoteservices.privacy.application.VerificationService;
import org.springframework.stereotype.Component;

/** Deny the request: reason and the right to complain, mailed. */
@Component
public class MailPrivacyDenialDelegate implements JavaDelegate {
  private final VerificationService verification;

  public MailPrivacyDenialDelegate(VerificationService verification) {
    this.verification = verification;
  }

  @Override
  public void execute(DelegateExecution execution) {
    verification.deny(id(execution));
  }

  private static String id(DelegateExecution execution) {
    return execution.getProcessBusinessKey();
  }
}
