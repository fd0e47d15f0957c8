package org.remoteservices.privacy.adapter.camunda;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.remoteservices.privacy.application.ErasureSteps;
import org.springframework.stereotype.Component;

/** Erase the subject's files from the file store. */
@Component
public class EraseFilesDelegate implements JavaDelegate {
  private final ErasureSteps erasure;

  public EraseFilesDelegate(ErasureSteps erasure) {
    this.erasure = erasure;
  }

  @Override
  public void execute(DelegateExecution execution) {
    erasure.eraseFiles(id(execution));
  }

  private static String id(DelegateExecution execution) {
    return execution.getProcessBusinessKey();
  }
}
