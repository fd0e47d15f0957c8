package org.remoteservices.privacy.adapter.camunda;

import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.remoteservices.privacy.adapter.camunda.PrivacyProcess.Fields;
import org.remoteservices.privacy.application.ErasurePlanner;
import org.remoteservices.privacy.api.RetentionCategory;
import org.remoteservices.shared.process.FormInput;
import org.remoteservices.shared.error.DomainException;
import org.remoteservices.shared.process.CurrentUser;
import org.springframework.stereotype.Component;

/** "Review legal retention" completes: the categories kept back from the erasure and why; legal holds must be kept. */
@Component
public class RecordRetentionReviewListener implements TaskListener {
  private final ErasurePlanner erasure;
  private final CurrentUser currentUser;

  public RecordRetentionReviewListener(ErasurePlanner erasure, CurrentUser currentUser) {
    this.erasure = erasure;
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateTask task) {
    FormInput form = FormInput.of(task);
    List<String> keep = form.optionalChoices(Fields.RETAIN, Arrays.stream(RetentionCategory.values()).map(Enum::name).toList());
    String note = form.optionalText(Fields.RETENTION_NOTE, 500);
    form.validate();
    try {
      erasure.reviewRetention(task.getExecution().getProcessBusinessKey(), keep.stream().map(RetentionCategory::valueOf).toList(), note,
          currentUser.of(task));
    } catch (DomainException e) {
      throw org.remoteservices.shared.process.FormRefusals.refuse(Fields.RETAIN, e.getMessage());
    }
    form.clear();
  }
}
