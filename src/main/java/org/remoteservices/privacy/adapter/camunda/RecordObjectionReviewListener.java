package org.remoteservices.privacy.adapter.camunda;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.remoteservices.privacy.adapter.camunda.PrivacyProcess.Fields;
import org.remoteservices.privacy.adapter.camunda.PrivacyProcess.Vars;
import org.remoteservices.privacy.application.MeritsDecisions;
import org.remoteservices.shared.error.DomainException;
import org.remoteservices.shared.process.FormInput;
import org.springframework.stereotype.Component;

/**
 * "Review the objection" completes: upheld (the default, an unticked box), or overruled with the compelling
 * legitimate grounds, which are required and recorded (and then mailed by the model).
 */
@Component
public class RecordObjectionReviewListener implements TaskListener {
  private final MeritsDecisions merits;

  public RecordObjectionReviewListener(MeritsDecisions merits) {
    this.merits = merits;
  }

  @Override
  public void notify(DelegateTask task) {
    if (task.getVariable(Vars.OBJECTION_OVERRULED.name()) == null) {
      task.setVariable(Vars.OBJECTION_OVERRULED.name(), false);
    }
    FormInput form = FormInput.of(task);
    Boolean overruled = form.requiredBoolean(Vars.OBJECTION_OVERRULED.name());
    String grounds = form.optionalText(Fields.COMPELLING_GROUNDS, 2000);
    if (Boolean.TRUE.equals(overruled) && grounds == null) {
      form.reject(Fields.COMPELLING_GROUNDS, "are required to overrule the objection (they are mailed to the requester)");
    }
    form.validate();
    try {
      merits.reviewObjection(task.getExecution().getProcessBusinessKey(), overruled, grounds);
    } catch (DomainException e) {
      throw new FormFieldValidationException(Fields.COMPELLING_GROUNDS, e.getMessage());
    }
    form.clear();
  }
}
