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

  private final org.remoteservices.privacy.application.RestrictionLifts lifts;

  public PrivacyTimers(DeadlineService deadlines, PrivacyRequestService requests, org.remoteservices.privacy.application.RestrictionLifts lifts) {
    this.deadlines = deadlines;
    this.requests = requests;
    this.lifts = lifts;
  }

  public Date dueAt(DelegateExecution execution) {
    String id = execution.getProcessBusinessKey();
    return Date.from(id != null ? deadlines.dueAt(id) : provisional(execution).dueAt());
  }

  /** {@code startEvent_acknowledgementDue}: the acknowledgement deadline (or receipt where none applies). */
  public Date acknowledgementWatchAt(DelegateExecution execution) {
    String id = execution.getProcessBusinessKey();
    return Date.from(id != null ? deadlines.acknowledgementWatchAt(id) : provisional(execution).acknowledgementWatchAt());
  }

  public Date reminderAt(DelegateExecution execution) {
    String id = execution.getProcessBusinessKey();
    return Date.from(id != null ? deadlines.reminderAt(id) : provisional(execution).reminderAt());
  }

  /**
   * An instance started from Tasklist's start form has its timers created before the form is stored as a
   * request (the engine creates a scope's timers first): they are computed from the same form fields and
   * the same day, so they equal the stored request's.
   */
  private DeadlineService.Provisional provisional(DelegateExecution execution) {
    Object rights = execution.getVariable(PrivacyProcess.Fields.RIGHTS);
    Object jurisdiction = execution.getVariable(PrivacyProcess.Fields.JURISDICTION);
    List<org.remoteservices.privacy.domain.PrivacyRight> parsed = new java.util.ArrayList<>();
    String text = rights == null ? "" : rights instanceof org.camunda.spin.json.SpinJsonNode json ? json.toString() : rights.toString();
    for (org.remoteservices.privacy.domain.PrivacyRight right : org.remoteservices.privacy.domain.PrivacyRight.values()) {
      if (text.matches("(?s).*\\b" + right.name() + "\\b.*")) {
        parsed.add(right);
      }
    }
    org.remoteservices.privacy.domain.Jurisdiction j;
    try {
      j = org.remoteservices.privacy.domain.Jurisdiction.valueOf(String.valueOf(jurisdiction));
    } catch (IllegalArgumentException e) {
      j = null; // not given: the job's location decides, else the strictest clock (as when the request is stored)
    }
    j = deadlines.resolve(j, text(execution, PrivacyProcess.Fields.JOB_NUMBER), text(execution, PrivacyProcess.Fields.JOB_LOCATION));
    return deadlines.provisional(j, parsed.isEmpty() ? List.of(org.remoteservices.privacy.domain.PrivacyRight.ACCESS) : parsed,
        PrivacyProcess.receivedOn(execution.getVariable(PrivacyProcess.Fields.RECEIVED_ON)));
  }

  private static String text(DelegateExecution execution, String field) {
    Object value = execution.getVariable(field);
    return value == null || String.valueOf(value).isBlank() ? null : String.valueOf(value).strip();
  }

  /** {@code event_noticePeriodOver}: the day the restriction is lifted, as the notice mail told the person. */
  public Date liftAt(DelegateExecution execution) {
    return Date.from(lifts.liftAt(execution.getProcessBusinessKey()));
  }

  public Date verificationDeadline(DelegateExecution execution) {
    return Date.from(deadlines.verificationDeadline(execution.getProcessBusinessKey()));
  }

  /** The multi-instance collection of {@code callActivity_executeRight}: the requested rights' names. */
  public List<String> rights(DelegateExecution execution) {
    return requests.rightsOf(execution.getProcessBusinessKey());
  }
}
