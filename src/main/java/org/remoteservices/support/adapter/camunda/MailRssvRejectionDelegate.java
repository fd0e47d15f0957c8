package org.remoteservices.support.adapter.camunda;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.remoteservices.support.application.RssvService;
import org.springframework.stereotype.Component;

/** Mail rejection reason and new link. */
@Component
public class MailRssvRejectionDelegate implements JavaDelegate {
  private final RssvService service;

  public MailRssvRejectionDelegate(RssvService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    service.mailRejection(execution.getProcessBusinessKey());
  }
}
