package org.remoteservices.support.adapter.camunda;

import org.remoteservices.shared.process.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.remoteservices.shared.process.FormInput;
import org.remoteservices.support.adapter.camunda.RemoteSupportProcess.Fields;
import org.remoteservices.support.application.WorkOrderService;
import org.springframework.stereotype.Component;

/** "Document work order" completes: summary and actions taken (required), recommendations. */
@Component
public class DocumentWorkOrderListener implements TaskListener {
  private final WorkOrderService workOrders;
  private final CurrentUser currentUser;

  public DocumentWorkOrderListener(WorkOrderService workOrders, CurrentUser currentUser) {
    this.workOrders = workOrders;
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateTask task) {
    FormInput form = FormInput.of(task, RemoteSupportProcess.Vars.ALL);
    String summary = form.requiredText(Fields.WORK_SUMMARY, 2000);
    String actions = form.requiredText(Fields.ACTIONS_TAKEN, 4000);
    String recommendations = form.optionalText(Fields.RECOMMENDATIONS, 2000);
    form.validate();
    workOrders.document(task.getExecution().getProcessBusinessKey(), summary, actions, recommendations, currentUser.of(task));
    form.clear();
  }
}
