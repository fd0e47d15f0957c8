package org.remoteservices.support.adapter.camunda;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.remoteservices.support.application.SessionService;
import org.springframework.stereotype.Component;

/** Destroy recording: the file deleted, a destruction record without personal data kept. */
@Component
public class DestroyRecordingDelegate implements JavaDelegate {
  private final SessionService sessions;

  public DestroyRecordingDelegate(SessionService sessions) {
    this.sessions = sessions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    sessions.destroyRecording(execution.getProcessBusinessKey());
  }
}
