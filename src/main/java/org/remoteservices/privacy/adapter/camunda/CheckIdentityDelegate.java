package org.remoteservices.privacy.adapter.camunda;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.remoteservices.privacy.application.VerificationService;
import org.springframework.stereotype.Component;

/** Match the requester's data points against our records; the outcome becomes {@code identityVerified}. */
@Component
public class CheckIdentityDelegate implements JavaDelegate {
  private final VerificationService verification;

  public CheckIdentityDelegate(VerificationService verification) {
    this.verification = verification;
  }

  @Override
  public void execute(DelegateExecution execution) {
    PrivacyProcess.Vars.IDENTITY_VERIFIED.on(execution, verification.check(id(execution)));
  }

  private static String id(DelegateExecution execution) {
    return execution.getProcessBusinessKey();
  }
}
