package org.remoteservices.privacy.adapter.camunda;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.remoteservices.privacy.adapter.camunda.PrivacyProcess.Fields;
import java.util.List;
import org.remoteservices.privacy.application.MeritsDecisions;
import org.remoteservices.privacy.application.SubjectChoicesService;
import org.remoteservices.shared.process.FormInput;
import org.springframework.stereotype.Component;

/** "Apply rectification" completes: the corrected name, email or phone (at least one) applied to our records. */
@Component
public class ApplyRectificationListener implements TaskListener {
  private final SubjectChoicesService choices;
  private final MeritsDecisions merits;

  public ApplyRectificationListener(SubjectChoicesService choices, MeritsDecisions merits) {
    this.choices = choices;
    this.merits = merits;
  }

  @Override
  public void notify(DelegateTask task) {
    FormInput form = FormInput.of(task);
    List<String> decision = form.optionalChoices(Fields.RECTIFICATION_DECISION, List.of("ACCEPT", "REFUSE"));
    String reason = form.optionalText(Fields.REFUSAL_REASON, 2000);
    if (decision.contains("REFUSE")) {
      form.optionalText(Fields.CORRECTED_NAME, 200);
      form.optionalText(Fields.CORRECTED_EMAIL, 254);
      form.optionalText(Fields.CORRECTED_PHONE, 40);
      if (reason == null) {
        form.reject(Fields.REFUSAL_REASON, "is required to refuse the rectification (it is sent to the requester)");
      }
      form.validate();
      merits.refuseRectification(task.getExecution().getProcessBusinessKey(), reason);
      form.clear();
      return;
    }
    String name = form.optionalText(Fields.CORRECTED_NAME, 200);
    String email = form.optionalText(Fields.CORRECTED_EMAIL, 254);
    String phone = form.optionalText(Fields.CORRECTED_PHONE, 40);
    if (email != null && !email.matches(RecordEnteredPrivacyRequestListener.EMAIL)) {
      form.reject(Fields.CORRECTED_EMAIL, "must be an email address, like name@example.com");
    }
    if (name == null && email == null && phone == null) {
      form.reject(Fields.CORRECTED_NAME, "is empty, as are the other corrections: please give at least one corrected value (name, email or phone)");
    }
    form.validate();
    choices.rectify(task.getExecution().getProcessBusinessKey(), name, email, phone);
    form.clear();
  }
}
