package org.remoteservices.privacy.adapter.camunda;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.remoteservices.privacy.application.AccessService;
import org.springframework.stereotype.Component;

/** Mail the access report. */
@Component
public class MailAccessReportDelegate implements JavaDelegate {
  private final AccessService access;

  public MailAccessReportDelegate(AccessService access) {
    this.access = access;
  }

  @Override
  public void execute(DelegateExecution execution) {
    access.mailAccessReport(id(execution));
  }

  private static String id(DelegateExecution execution) {
    return execution.getProcessBusinessKey();
  }
}
