package org.remoteservices.privacy.adapter.camunda;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.remoteservices.privacy.application.PrivacyRequestService;
import org.springframework.stereotype.Component;

/** {@code serviceTask_checkAcknowledgement}: at the acknowledgement deadline, a request not yet acknowledged is, now. */
@Component
public class CheckAcknowledgementDelegate implements JavaDelegate {
  private final PrivacyRequestService requests;

  public CheckAcknowledgementDelegate(PrivacyRequestService requests) {
    this.requests = requests;
  }

  @Override
  public void execute(DelegateExecution execution) {
    requests.checkAcknowledged(execution.getProcessBusinessKey());
  }
}
