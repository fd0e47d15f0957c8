package org.remoteservices.support.adapter.camunda;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.remoteservices.support.application.SessionService;
import org.springframework.stereotype.Component;

/** Mail session invitation (.ics) to the requester and the job's scheduling contact. */
@Component
public class MailSessionInvitationDelegate implements JavaDelegate {
  private final SessionService service;

  public MailSessionInvitationDelegate(SessionService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    service.mailInvitation(execution.getProcessBusinessKey());
  }
}
