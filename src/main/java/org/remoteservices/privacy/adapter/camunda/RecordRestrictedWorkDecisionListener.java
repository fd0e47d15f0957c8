package org.remoteservices.privacy.adapter.camunda;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.remoteservices.privacy.adapter.camunda.PrivacyProcess.Fields;
import org.remoteservices.privacy.application.MeritsDecisions;
import org.remoteservices.shared.error.DomainException;
import org.remoteservices.shared.process.FormInput;
import org.springframework.stereotype.Component;

/** "Decide whether open work continues under the restriction" completes: the decision (default: on hold) and why. */
@Component
public class RecordRestrictedWorkDecisionListener implements TaskListener {
  private final MeritsDecisions merits;

  public RecordRestrictedWorkDecisionListener(MeritsDecisions merits) {
    this.merits = merits;
  }

  @Override
  public void notify(DelegateTask task) {
    FormInput form = FormInput.of(task);
    boolean continues = form.optionalCheckbox(Fields.CONTINUE_OPEN_WORK);
    String reason = form.requiredText(Fields.RESTRICTION_REASON, 2000);
    form.validate();
    try {
      merits.decideOpenWork(task.getExecution().getProcessBusinessKey(), continues, reason);
    } catch (DomainException e) {
      throw new FormFieldValidationException(Fields.RESTRICTION_REASON, e.getMessage());
    }
    form.clear();
  }
}
