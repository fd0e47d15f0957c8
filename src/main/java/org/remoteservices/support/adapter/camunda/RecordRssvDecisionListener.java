package org.remoteservices.support.adapter.camunda;

import org.remoteservices.shared.process.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.remoteservices.shared.error.DomainException;
import org.remoteservices.shared.process.FormInput;
import org.remoteservices.support.adapter.camunda.RemoteSupportProcess.Fields;
import org.remoteservices.support.adapter.camunda.RemoteSupportProcess.Vars;
import org.remoteservices.support.application.RssvService;
import org.springframework.stereotype.Component;

/**
 * "Check returned RSSV" completes: accepted, or rejected with a reason (required) that is mailed to the customer. A
 * refusal of the use case (no returned copy to decide on, or it was decided already: the task was reached by moving a
 * token) is a form message in Tasklist; the task stays open.
 */
@Component
public class RecordRssvDecisionListener implements TaskListener {
  private final RssvService rssv;
  private final CurrentUser currentUser;

  public RecordRssvDecisionListener(RssvService rssv, CurrentUser currentUser) {
    this.rssv = rssv;
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateTask task) {
    FormInput form = FormInput.of(task, RemoteSupportProcess.Vars.ALL);
    Boolean accepted = form.requiredBoolean(Vars.RSSV_ACCEPTED.name());
    String reason = form.optionalText(Fields.REJECTION_REASON, 1000);
    if (Boolean.FALSE.equals(accepted) && reason == null) {
      form.reject(Fields.REJECTION_REASON, "is required when the form is rejected: please say what the customer must correct");
    }
    form.validate();
    try {
      rssv.recordDecision(task.getExecution().getProcessBusinessKey(), accepted, accepted ? null : reason, currentUser.of(task));
    } catch (DomainException e) {
      throw org.remoteservices.shared.process.FormRefusals.refuse(Vars.RSSV_ACCEPTED.name(), e.getMessage());
    }
    form.clear();
  }
}
