package org.remoteservices.privacy.adapter.camunda;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.remoteservices.privacy.adapter.camunda.PrivacyProcess.Fields;
import org.remoteservices.privacy.application.SubjectChoicesService;
import org.remoteservices.shared.process.FormInput;
import org.springframework.stereotype.Component;

/** "Apply rectification" completes: the corrected name, email or phone (at least one) applied to our records. */
@Component
public class ApplyRectificationListener implements TaskListener {
  private final SubjectChoicesService choices;

  public ApplyRectificationListener(SubjectChoicesService choices) {
    this.choices = choices;
  }

  @Override
  public void notify(DelegateTask task) {
    FormInput form = FormInput.of(task);
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
