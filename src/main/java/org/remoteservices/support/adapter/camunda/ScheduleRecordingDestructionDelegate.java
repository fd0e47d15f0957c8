package org.remoteservices.support.adapter.camunda;

import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.remoteservices.support.application.SessionService;
import org.remoteservices.support.domain.Recording;
import org.springframework.stereotype.Component;

/**
 * Schedule recording destruction: one {@code recording-retention} instance per recording of the session
 * (business key = recording id), each waiting for its timer. A rerun starts none twice. A recording uploaded before the
 * outcome already has its instance (started at the upload): its timer moves to the destroy-after date the outcome set.
 */
@Component
public class ScheduleRecordingDestructionDelegate implements JavaDelegate {
  private final SessionService sessions;
  private final RuntimeService runtime;
  private final ManagementService management;

  public ScheduleRecordingDestructionDelegate(SessionService sessions, RuntimeService runtime, ManagementService management) {
    this.sessions = sessions;
    this.runtime = runtime;
    this.management = management;
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
      } else if (running) {
        Date due = Date.from(recording.destroyAfter());
        management.createJobQuery().processDefinitionKey(RemoteSupportProcess.RecordingRetention.KEY)
            .processInstanceId(runtime.createProcessInstanceQuery().processDefinitionKey(RemoteSupportProcess.RecordingRetention.KEY)
                .processInstanceBusinessKey(recording.id()).singleResult().getId())
            .activityId(RemoteSupportProcess.RecordingRetention.RETENTION_ELAPSED).timers().list()
            .forEach(job -> management.setJobDuedate(job.getId(), due));
      }
    }
  }
}
