package org.remoteservices.support.adapter.camunda;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.remoteservices.support.application.WorkOrderService;
import org.springframework.stereotype.Component;

/** Generate work order PDF. */
@Component
public class GenerateWorkOrderDelegate implements JavaDelegate {
  private final WorkOrderService service;

  public GenerateWorkOrderDelegate(WorkOrderService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    service.generatePdf(execution.getProcessBusinessKey());
  }
}
