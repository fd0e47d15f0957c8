package org.remoteservices.support.adapter.camunda;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.remoteservices.support.application.RecordingDeletionService;
import org.springframework.stereotype.Component;

/** A week after the task opened: the process administrators are told, and the open task goes to the top of the list. */
@Component
public class EscalateRecordingDeletionDelegate implements JavaDelegate {
  static final int ESCALATED_PRIORITY = 100;

  private final RecordingDeletionService deletions;
  private final TaskService tasks;

  public EscalateRecordingDeletionDelegate(RecordingDeletionService deletions, TaskService tasks) {
    this.deletions = deletions;
    this.tasks = tasks;
  }

  @Override
  public void execute(DelegateExecution execution) {
    deletions.escalate(execution.getProcessBusinessKey());
    tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey(RemoteSupportProcess.RecordingRetention.CONFIRM_DELETION).list()
        .forEach(task -> tasks.setPriority(task.getId(), ESCALATED_PRIORITY));
  }
}
