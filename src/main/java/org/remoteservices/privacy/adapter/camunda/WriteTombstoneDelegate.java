package org.remoteservices.privacy.adapter.camunda;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.remoteservices.privacy.application.ErasureCertificates;
import org.springframework.stereotype.Component;

/** Write the tombstone and the erasure certificate. */
@Component
public class WriteTombstoneDelegate implements JavaDelegate {
  private final ErasureCertificates erasure;

  public WriteTombstoneDelegate(ErasureCertificates erasure) {
    this.erasure = erasure;
  }

  @Override
  public void execute(DelegateExecution execution) {
    erasure.writeTombstone(id(execution));
  }

  private static String id(DelegateExecution execution) {
    return execution.getProcessBusinessKey();
  }
}
