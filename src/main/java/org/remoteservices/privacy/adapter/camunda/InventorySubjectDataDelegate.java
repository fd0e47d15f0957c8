package org.remoteservices.privacy.adapter.camunda;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.remoteservices.privacy.application.ErasurePlanner;
import org.springframework.stereotype.Component;

/** Write the erasure plan: every record, file, mail and process instance of the subject. */
@Component
public class InventorySubjectDataDelegate implements JavaDelegate {
  private final ErasurePlanner erasure;

  public InventorySubjectDataDelegate(ErasurePlanner erasure) {
    this.erasure = erasure;
  }

  @Override
  public void execute(DelegateExecution execution) {
    erasure.inventory(id(execution));
  }

  private static String id(DelegateExecution execution) {
    return execution.getProcessBusinessKey();
  }
}
