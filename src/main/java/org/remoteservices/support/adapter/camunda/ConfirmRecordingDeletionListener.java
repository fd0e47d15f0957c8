package org.remoteservices.support.adapter.camunda;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.remoteservices.shared.process.CurrentUser;
import org.remoteservices.shared.process.FormInput;
import org.remoteservices.support.application.RecordingDeletionService;
import org.remoteservices.support.domain.RecordingDeletionMethod;
import org.springframework.stereotype.Component;

/**
 * "Delete recording … on the recording server": on create the task is named after the recording and its case; on complete
 * the operator's confirmation is checked on the server (who: a staff user id, when: not in the future, how: one of the
 * methods) and stored in the destruction record.
 */
@Component
public class ConfirmRecordingDeletionListener implements TaskListener {
  private static final List<String> METHODS = Arrays.stream(RecordingDeletionMethod.values()).map(Enum::name).toList();

  private final RecordingDeletionService deletions;
  private final CurrentUser currentUser;

  public ConfirmRecordingDeletionListener(RecordingDeletionService deletions, CurrentUser currentUser) {
    this.deletions = deletions;
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateTask task) {
    String recordingId = task.getExecution().getProcessBusinessKey();
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      task.setName(deletions.taskName(recordingId));
      return;
    }
    FormInput form = FormInput.of(task, RemoteSupportProcess.RecordingRetention.Vars.ALL);
    String deletedBy = form.optionalText(RemoteSupportProcess.RecordingRetention.Fields.DELETED_BY, 64);
    Instant deletedAt = form.requiredInstant(RemoteSupportProcess.RecordingRetention.Fields.DELETED_AT);
    List<String> method = form.optionalChoices(RemoteSupportProcess.RecordingRetention.Fields.METHOD, METHODS);
    if (method.size() != 1) {
      form.reject(RemoteSupportProcess.RecordingRetention.Fields.METHOD, "choose how the recording was deleted: one of " + String.join(", ", METHODS));
    }
    if (deletedBy != null && !deletedBy.matches("[A-Za-z0-9]{1,64}")) {
      form.reject(RemoteSupportProcess.RecordingRetention.Fields.DELETED_BY, "must be a staff user id (letters and digits)");
    }
    form.validate();
    String by = deletedBy != null ? deletedBy : currentUser.of(task);
    deletions.confirmDeletion(recordingId, by, deletedAt, RecordingDeletionMethod.valueOf(method.get(0)));
    form.clear();
  }
}
