package org.remoteservices.support.adapter.camunda;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.remoteservices.support.application.SessionService;
import org.springframework.stereotype.Component;

/**
 * "Run remote session" is created: whether the session already has a recording file ({@code recordingUploaded}), so the
 * form marks the recording reference required only while no file is attached and says when one is. Uploading a file on
 * the case page sets the flag as well ({@code RemoteSupportProcessPort#recordingAttached}). The completing listener
 * checks the recording again in the domain: the flag only shapes the form.
 */
@Component
public class ShowAttachedRecordingListener implements TaskListener {
  private final SessionService sessions;

  public ShowAttachedRecordingListener(SessionService sessions) {
    this.sessions = sessions;
  }

  @Override
  public void notify(DelegateTask task) {
    String supportRequestId = task.getExecution().getProcessBusinessKey();
    RemoteSupportProcess.Vars.RECORDING_UPLOADED.on(task.getExecution(), sessions.hasRecording(supportRequestId));
  }
}
