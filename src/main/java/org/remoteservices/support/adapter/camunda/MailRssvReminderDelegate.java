package org.remoteservices.support.adapter.camunda;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.remoteservices.support.application.RssvService;
import org.springframework.stereotype.Component;

/** Mail RSSV reminder when the form has not come back. */
@Component
public class MailRssvReminderDelegate implements JavaDelegate {
  private final RssvService service;

  public MailRssvReminderDelegate(RssvService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    service.mailReminder(execution.getProcessBusinessKey());
  }
}
