package org.remoteservices.privacy.adapter.camunda;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.remoteservices.privacy.adapter.camunda.PrivacyProcess.Fields;
import org.remoteservices.privacy.application.DeadlineService;
import org.remoteservices.shared.process.FormInput;
import org.springframework.stereotype.Component;

/** "DEADLINE MISSED" completes: why it was missed, required and kept with the request. */
@Component
public class RecordDeadlineMissedReasonListener implements TaskListener {
  private final DeadlineService deadlines;

  public RecordDeadlineMissedReasonListener(DeadlineService deadlines) {
    this.deadlines = deadlines;
  }

  @Override
  public void notify(DelegateTask task) {
    FormInput form = FormInput.of(task);
    String reason = form.requiredText(Fields.MISSED_REASON, 2000);
    form.validate();
    deadlines.recordMissedReason(task.getExecution().getProcessBusinessKey(), reason);
    form.clear();
  }
}
