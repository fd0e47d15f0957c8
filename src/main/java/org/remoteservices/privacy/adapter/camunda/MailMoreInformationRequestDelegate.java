package org.remoteservices.privacy.adapter.camunda;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.remoteservices.privacy.application.VerificationService;
import org.springframework.stereotype.Component;

/** Ask the requester for what verification still misses (links for a declaration or an agent's permission). */
@Component
public class MailMoreInformationRequestDelegate implements JavaDelegate {
  private final VerificationService verification;

  public MailMoreInformationRequestDelegate(VerificationService verification) {
    this.verification = verification;
  }

  @Override
  public void execute(DelegateExecution execution) {
    verification.mailMoreInformationRequest(id(execution));
  }

  private static String id(DelegateExecution execution) {
    return execution.getProcessBusinessKey();
  }
}
