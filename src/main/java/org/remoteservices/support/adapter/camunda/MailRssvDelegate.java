package org.remoteservices.support.adapter.camunda;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.remoteservices.support.application.RssvService;
import org.springframework.stereotype.Component;

/** Mail RSSV form to requester, with the return link. */
@Component
public class MailRssvDelegate implements JavaDelegate {
  private final RssvService service;

  public MailRssvDelegate(RssvService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    service.mailForm(execution.getProcessBusinessKey());
  }
}
