package org.remoteservices.privacy.adapter.camunda;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.remoteservices.privacy.application.ErasureSteps;
import org.springframework.stereotype.Component;

/** Erase the runtime and history of every process instance about the subject. */
@Component
public class EraseProcessDataDelegate implements JavaDelegate {
  private final ErasureSteps erasure;

  public EraseProcessDataDelegate(ErasureSteps erasure) {
    this.erasure = erasure;
  }

  @Override
  public void execute(DelegateExecution execution) {
    erasure.eraseProcessData(id(execution));
  }

  private static String id(DelegateExecution execution) {
    return execution.getProcessBusinessKey();
  }
}
