package org.remoteservices.support.adapter.camunda;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.remoteservices.support.application.RecordingDeletionService;
import org.springframework.stereotype.Component;

/** Two days after the task "Delete recording … on the recording server" opened: the operators are reminded. */
@Component
public class MailRecordingDeletionReminderDelegate implements JavaDelegate {
  private final RecordingDeletionService deletions;

  public MailRecordingDeletionReminderDelegate(RecordingDeletionService deletions) {
    this.deletions = deletions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    deletions.remind(execution.getProcessBusinessKey());
  }
}
