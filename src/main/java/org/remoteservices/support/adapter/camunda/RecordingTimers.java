package org.remoteservices.support.adapter.camunda;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.remoteservices.support.application.SessionService;
import org.springframework.stereotype.Component;

/** Due date of the recording-retention timer: the recording's destroy-after date. */
@Component("recordingTimers")
public class RecordingTimers {
  private final SessionService sessions;

  public RecordingTimers(SessionService sessions) {
    this.sessions = sessions;
  }

  public Date destroyAt(DelegateExecution execution) {
    return Date.from(sessions.destroyAt(execution.getProcessBusinessKey()));
  }
}
