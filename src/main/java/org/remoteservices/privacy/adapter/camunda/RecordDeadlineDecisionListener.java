package org.remoteservices.privacy.adapter.camunda;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.remoteservices.privacy.adapter.camunda.PrivacyProcess.Fields;
import org.remoteservices.privacy.adapter.camunda.PrivacyProcess.Vars;
import org.remoteservices.privacy.application.DeadlineService;
import org.remoteservices.shared.process.FormInput;
import org.remoteservices.shared.error.DomainException;
import org.springframework.stereotype.Component;

/**
 * "Deadline approaching" completes: answer in time, or extend once with a reason (required; mailed to the
 * requester next). An extension after the original deadline, or a second one, is refused.
 */
@Component
public class RecordDeadlineDecisionListener implements TaskListener {
  private final DeadlineService deadlines;

  public RecordDeadlineDecisionListener(DeadlineService deadlines) {
    this.deadlines = deadlines;
  }

  @Override
  public void notify(DelegateTask task) {
    FormInput form = FormInput.of(task);
    Boolean extend = form.requiredBoolean(Vars.EXTEND_DEADLINE.name());
    String reason = form.optionalText(Fields.EXTENSION_REASON, 2000);
    if (Boolean.TRUE.equals(extend) && reason == null) {
      form.reject(Fields.EXTENSION_REASON, "is required to extend the deadline (it is mailed to the requester)");
    }
    form.validate();
    if (extend) {
      try {
        deadlines.extend(task.getExecution().getProcessBusinessKey(), reason);
      } catch (DomainException e) {
        throw org.remoteservices.shared.process.FormRefusals.refuse(Vars.EXTEND_DEADLINE.name(), e.getMessage());
      }
    }
    form.clear();
  }
}
