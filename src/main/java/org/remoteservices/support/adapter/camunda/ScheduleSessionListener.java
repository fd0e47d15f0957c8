package org.remoteservices.support.adapter.camunda;

import org.remoteservices.shared.process.CurrentUser;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.remoteservices.shared.error.DomainException;
import org.remoteservices.shared.process.FormInput;
import org.remoteservices.support.adapter.camunda.RemoteSupportProcess.Fields;
import org.remoteservices.support.application.SessionService;
import org.springframework.stereotype.Component;

/**
 * "Schedule remote session" completes: start (required) and planned duration (15-480 minutes). A refusal of the use
 * case (no accepted RSSV: the task was reached by moving a token) is a form message in Tasklist; the task stays open.
 */
@Component
public class ScheduleSessionListener implements TaskListener {
  private final SessionService sessions;
  private final CurrentUser currentUser;

  public ScheduleSessionListener(SessionService sessions, CurrentUser currentUser) {
    this.sessions = sessions;
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateTask task) {
    FormInput form = FormInput.of(task, RemoteSupportProcess.Vars.ALL);
    // typed as the site's wall-clock time (the form's text field names the zone), not the browser's
    Instant start = form.requiredInstantIn(Fields.SESSION_START, sessions.siteZone(task.getExecution().getProcessBusinessKey()));
    Integer minutes = form.requiredInt(Fields.SESSION_MINUTES, 15, 480);
    form.validate();
    try {
      sessions.schedule(task.getExecution().getProcessBusinessKey(), start, minutes, currentUser.of(task));
    } catch (DomainException e) {
      throw org.remoteservices.shared.process.FormRefusals.refuse(Fields.SESSION_START, e.getMessage());
    }
    form.clear();
  }
}
