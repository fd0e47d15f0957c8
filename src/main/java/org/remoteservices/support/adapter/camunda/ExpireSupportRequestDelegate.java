package org.remoteservices.support.adapter.camunda;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.remoteservices.support.application.RssvService;
import org.springframework.stereotype.Component;

/** Mail expiry notice: the form never came back; links revoked, request closed. */
@Component
public class ExpireSupportRequestDelegate implements JavaDelegate {
  private final RssvService service;

  public ExpireSupportRequestDelegate(RssvService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    service.expire(execution.getProcessBusinessKey());
  }
}
