package org.remoteservices.privacy.adapter.camunda;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.remoteservices.privacy.adapter.camunda.PrivacyProcess.Fields;
import org.remoteservices.privacy.adapter.camunda.PrivacyProcess.Vars;
import org.remoteservices.privacy.application.VerificationService;
import org.remoteservices.shared.process.FormInput;
import org.springframework.stereotype.Component;

/**
 * "Review identity verification" completes: RECHECK with the data points the requester gave by phone or mail
 * (matching runs again: the officer cannot mark anyone verified), or DENY with a reason (required, mailed).
 */
@Component
public class RecordVerificationReviewListener implements TaskListener {
  private final VerificationService verification;

  public RecordVerificationReviewListener(VerificationService verification) {
    this.verification = verification;
  }

  @Override
  public void notify(DelegateTask task) {
    FormInput form = FormInput.of(task);
    List<String> decision = form.optionalChoices(Vars.VERIFICATION_DECISION.name(), List.of("RECHECK", "DENY"));
    if (decision.isEmpty()) {
      form.reject(Vars.VERIFICATION_DECISION.name(), "needs a decision: please choose one of the options");
    }
    String phone = form.optionalText(Fields.PHONE, 40);
    String jobNumber = form.optionalText(Fields.JOB_NUMBER, 32);
    String jobLocation = form.optionalText(Fields.JOB_LOCATION, 500);
    String reason = form.optionalText(Fields.DENIAL_REASON, 2000);
    if (decision.contains("DENY") && reason == null) {
      form.reject(Fields.DENIAL_REASON, "is required when the request is denied: please say why (it is mailed to the requester)");
    }
    form.validate();
    String id = task.getExecution().getProcessBusinessKey();
    if (decision.contains("DENY")) {
      verification.recordDenialReason(id, reason);
    } else {
      verification.addDataPoints(id, phone, jobNumber, jobLocation);
    }
    Vars.VERIFICATION_DECISION.on(task, decision.get(0));
    form.clear();
  }
}
