package org.remoteservices.privacy.adapter.camunda;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.remoteservices.privacy.application.AccessService;
import org.springframework.stereotype.Component;

/** Compile the access report PDF of everything we hold about the subject. */
@Component
public class CompileAccessReportDelegate implements JavaDelegate {
  private final AccessService access;

  public CompileAccessReportDelegate(AccessService access) {
    this.access = access;
  }

  @Override
  public void execute(DelegateExecution execution) {
    access.compileAccessReport(id(execution));
  }

  private static String id(DelegateExecution execution) {
    return execution.getProcessBusinessKey();
  }
}
