package org.remoteservices.privacy.adapter.camunda;

import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.remoteservices.privacy.application.DeadlineService;
import org.remoteservices.privacy.application.PrivacyRequestService;
import org.springframework.stereotype.Component;

/**
 * The due dates of the privacy models' timers, read from the domain ({@code ${privacyTimers.dueAt(execution)}}),
 * so Cockpit shows the statutory deadline itself; and the rights a request's multi-instance runs over.
 */
@Component("privacyTimers")
public class PrivacyTimers {
  private final DeadlineService deadlines;
  private final PrivacyRequestService requests;

  public PrivacyTimers(DeadlineService deadlines, PrivacyRequestService requests) {
    this.deadlines = deadlines;
    this.requests = requests;
  }

  public Date dueAt(DelegateExecution execution) {
    return Date.from(deadlines.dueAt(execution.getProcessBusinessKey()));
  }

  public Date reminderAt(DelegateExecution execution) {
    return Date.from(deadlines.reminderAt(execution.getProcessBusinessKey()));
  }

  public Date verificationDeadline(DelegateExecution execution) {
    return Date.from(deadlines.verificationDeadline(execution.getProcessBusinessKey()));
  }

  /** The multi-instance collection of {@code callActivity_executeRight}: the requested rights' names. */
  public List<String> rights(DelegateExecution execution) {
    return requests.rightsOf(execution.getProcessBusinessKey());
  }
}
