package org.remoteservices.privacy.adapter.camunda;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.remoteservices.privacy.application.PrivacyRequestService;
import org.springframework.stereotype.Component;

/** Mail the acknowledgement of receipt, with the deadline. */
@Component
public class MailPrivacyAcknowledgementDelegate implements JavaDelegate {
  private final PrivacyRequestService requests;

  public MailPrivacyAcknowledgementDelegate(PrivacyRequestService requests) {
    this.requests = requests;
  }

  @Override
  public void execute(DelegateExecution execution) {
    requests.mailAcknowledgement(id(execution));
  }

  private static String id(DelegateExecution execution) {
    return execution.getProcessBusinessKey();
  }
}
