package org.remoteservices.support.adapter.camunda;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.remoteservices.support.application.RssvService;
import org.springframework.stereotype.Component;

/** Generate RSSV form: the PDF, once per request. */
@Component
public class GenerateRssvDelegate implements JavaDelegate {
  private final RssvService service;

  public GenerateRssvDelegate(RssvService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    service.generate(execution.getProcessBusinessKey());
  }
}
