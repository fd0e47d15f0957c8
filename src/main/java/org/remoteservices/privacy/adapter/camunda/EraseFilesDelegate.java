package org.remoteservices.privacy.adapter.camunda;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.remoteservices.privacy.application.ErasureService;
import org.springframework.stereotype.Component;

/** Erase the subject's files from the file store. */
@Component
public class EraseFilesDelegate implements JavaDelegate {
  private final ErasureService erasure;

  public EraseFilesDelegate(ErasureService erasure) {
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
