package org.remoteservices.privacy.adapter.camunda;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.remoteservices.privacy.application.AccessService;
import org.springframework.stereotype.Component;

/** Mail the machine-readable export. */
@Component
public class MailPortableExportDelegate implements JavaDelegate {
  private final AccessService access;

  public MailPortableExportDelegate(AccessService access) {
    this.access = access;
  }

  @Override
  public void execute(DelegateExecution execution) {
    access.mailPortableExport(id(execution));
  }

  private static String id(DelegateExecution execution) {
    return execution.getProcessBusinessKey();
  }
}
