package org.remoteservices.support.adapter.camunda;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.remoteservices.support.application.SessionService;
import org.remoteservices.support.application.SessionService.RecordingDestruction;
import org.springframework.stereotype.Component;

/**
 * Destroy recording: the file deleted (or the recording deleted on the tool's server through its connector), a destruction
 * record without personal data kept; a recording on a server without a deletion API goes to the operator's task.
 */
@Component
public class DestroyRecordingDelegate implements JavaDelegate {
  private final SessionService sessions;

  public DestroyRecordingDelegate(SessionService sessions) {
    this.sessions = sessions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    RecordingDestruction outcome = sessions.destroyRecording(execution.getProcessBusinessKey());
    RemoteSupportProcess.RecordingRetention.Vars.CONFIRMATION_NEEDED.on(execution, outcome == RecordingDestruction.CONFIRMATION_NEEDED);
  }
}
