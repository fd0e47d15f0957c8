package org.remoteservices.privacy.adapter.camunda;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.remoteservices.privacy.application.AccessService;
import org.springframework.stereotype.Component;

/** Compile the machine-readable export (JSON and CSV in a zip). */
@Component
public class CompilePortableExportDelegate implements JavaDelegate {
  private final AccessService access;

  public CompilePortableExportDelegate(AccessService access) {
    this.access = access;
  }

  @Override
  public void execute(DelegateExecution execution) {
    access.compilePortableExport(id(execution));
  }

  private static String id(DelegateExecution execution) {
    return execution.getProcessBusinessKey();
  }
}
