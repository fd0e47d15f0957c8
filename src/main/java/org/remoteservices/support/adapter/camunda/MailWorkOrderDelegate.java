package org.remoteservices.support.adapter.camunda;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.remoteservices.support.application.WorkOrderService;
import org.springframework.stereotype.Component;

/** Mail work order to the job's site and scheduling contacts. */
@Component
public class MailWorkOrderDelegate implements JavaDelegate {
  private final WorkOrderService service;

  public MailWorkOrderDelegate(WorkOrderService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    service.mail(execution.getProcessBusinessKey());
  }
}
