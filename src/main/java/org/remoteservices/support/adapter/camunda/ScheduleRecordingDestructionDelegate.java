package org.remoteservices.support.adapter.camunda;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.remoteservices.support.application.SessionService;
import org.remoteservices.support.domain.Recording;
import org.springframework.stereotype.Component;

/**
 * Schedule recording destruction: one {@code recording-retention} instance per recording of the session
 * (business key = recording id), each waiting for its timer. A rerun starts none twice.
 */
@Component
public class ScheduleRecordingDestructionDelegate implements JavaDelegate {
  private final SessionService sessions;
  private final RuntimeService runtime;

  public ScheduleRecordingDestructionDelegate(SessionService sessions, RuntimeService runtime) {
    this.sessions = sessions;
    this.runtime = runtime;
  }

  @Override
  public void execute(DelegateExecution execution) {
    for (Recording recording : sessions.recordingsOfCurrentSession(execution.getProcessBusinessKey())) {
      boolean running = runtime.createProcessInstanceQuery()
          .processDefinitionKey(RemoteSupportProcess.RecordingRetention.KEY)
          .processInstanceBusinessKey(recording.id())
          .count() > 0;
      if (!running && recording.destroyedAt() == null) {
        runtime.startProcessInstanceByKey(RemoteSupportProcess.RecordingRetention.KEY, recording.id());
      }
    }
  }
}
