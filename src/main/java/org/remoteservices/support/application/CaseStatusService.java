package org.remoteservices.support.application;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.remoteservices.jobs.api.Job;
import org.remoteservices.jobs.api.JobDirectory;
import org.remoteservices.shared.error.DomainException;
import org.remoteservices.shared.time.TimeSource;
import org.remoteservices.shared.tokens.AccessTokens;
import org.remoteservices.shared.tokens.PublicLinks;
import org.remoteservices.shared.tokens.TokenPurpose;
import org.remoteservices.support.application.port.RssvStore;
import org.remoteservices.support.application.port.SessionStore;
import org.remoteservices.support.application.port.SupportRequestStore;
import org.remoteservices.support.application.port.SurveyStore;
import org.remoteservices.support.domain.RemoteSession;
import org.remoteservices.support.domain.RssvReturn;
import org.remoteservices.support.domain.SupportRequest;
import org.remoteservices.support.domain.SupportStatus;
import org.remoteservices.support.domain.Survey;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customer's status page: where a support request stands, behind a private link (a {@link TokenPurpose#CASE_STATUS}
 * token). Every mail of the case carries a fresh token for the same request (only hashes are stored, so a mailed
 * token cannot be looked up again); all of them open the same page until the case is erased. The view holds the case
 * number, the steps and their dates, nothing else: no name, address, phone or job details.
 */
@Service
public class CaseStatusService {
  /** Long-lived: the page stays useful while the case is kept; the erasure of the case deletes the tokens. */
  static final Duration LINK_VALIDITY = Duration.ofDays(3 * 366);

  private final AccessTokens tokens;
  private final PublicLinks links;
  private final TimeSource time;
  private final SupportRequestStore requests;
  private final RssvStore rssv;
  private final SessionStore sessions;
  private final SurveyStore surveys;
  private final JobDirectory jobs;

  public CaseStatusService(AccessTokens tokens, PublicLinks links, TimeSource time, SupportRequestStore requests, RssvStore rssv,
      SessionStore sessions, SurveyStore surveys, JobDirectory jobs) {
    this.tokens = tokens;
    this.links = links;
    this.time = time;
    this.requests = requests;
    this.rssv = rssv;
    this.sessions = sessions;
    this.surveys = surveys;
    this.jobs = jobs;
  }

  /** A new private link to the request's status page (absolute, for mails and the confirmation). */
  public String link(String supportRequestId) {
    return links.link("/portal/status/" + tokens.issue(TokenPurpose.CASE_STATUS, supportRequestId, time.now().plus(LINK_VALIDITY)));
  }

  /** The line every support mail ends with. */
  public String mailLine(String supportRequestId) {
    return "Where your request stands: " + link(supportRequestId);
  }

  /** The status link for a support mail's template ({@code statusLink}); empty without a service (unit tests). */
  static String linkFor(CaseStatusService service, String supportRequestId) {
    return service == null ? "" : service.link(supportRequestId);
  }

  /** One step of the request: {@code state} is DONE, CURRENT, WAITING or SKIPPED; {@code at} and {@code local} may be null. */
  public record Step(String key, String label, String state, Instant at, String local) {}

  /** What the status page shows. {@code timeZone} is the site's zone in which session times are given. */
  public record StatusView(String caseNumber, String status, String statusText, String timeZone, List<Step> steps) {}

  /** The status behind a token: 404 for an unknown token (and once the case is erased), 410 for an expired one. */
  @Transactional(readOnly = true)
  public StatusView view(String token) {
    String id = tokens.resolve(TokenPurpose.CASE_STATUS, token);
    SupportRequest request = requests.find(id).orElseThrow(() -> DomainException.notFound("unknown link"));
    ZoneId zone = jobs.find(request.jobNumber()).map(Job::zone).orElse(TimeSource.ZONE);
    SupportStatus status = request.status();
    List<Step> steps = new ArrayList<>();
    steps.add(new Step("RECEIVED", "Request received", "DONE", request.createdAt(), local(request.createdAt(), zone)));

    var form = rssv.formOfRequest(id);
    Instant formSent = form.map(f -> rssv.currentRound(f.id()).startedAt()).orElse(null);
    steps.add(new Step("FORM_SENT", "Security form (RSSV) sent to you", formSent != null ? "DONE" : "CURRENT", formSent,
        local(formSent, zone)));

    RssvReturn returned = rssv.latestReturn(id).orElse(null);
    String formState;
    if (returned == null) {
      formState = formSent != null && status != SupportStatus.EXPIRED ? "CURRENT" : "WAITING";
    } else if (RssvReturn.REJECTED.equals(returned.decision()) && status == SupportStatus.RSSV_REJECTED) {
      formState = "CURRENT";
    } else {
      formState = "DONE";
    }
    String formLabel = status == SupportStatus.RSSV_REJECTED ? "Signed form received; we asked you for a corrected one"
        : "Signed form received";
    steps.add(new Step("FORM_RECEIVED", formLabel, formState, returned == null ? null : returned.returnedAt(),
        returned == null ? null : local(returned.returnedAt(), zone)));

    RemoteSession session = sessions.currentSession(id).orElse(null);
    boolean after = atOrAfter(status, SupportStatus.SESSION_HELD);
    steps.add(new Step("SESSION_SCHEDULED", session == null ? "Remote session scheduled" : "Remote session on " + local(session.scheduledStart(), zone),
        session == null ? (status == SupportStatus.RSSV_RETURNED ? "CURRENT" : "WAITING") : (after ? "DONE" : "CURRENT"),
        session == null ? null : session.scheduledStart(), session == null ? null : local(session.scheduledStart(), zone)));

    boolean workOrderSent = atOrAfter(status, SupportStatus.WORK_ORDER_SENT);
    steps.add(new Step("WORK_ORDER_SENT", "Work order sent to you", workOrderSent ? "DONE" : status == SupportStatus.SESSION_HELD ? "CURRENT" : "WAITING",
        null, null));

    Survey survey = surveys.ofRequest(id).orElse(null);
    String surveyState = survey == null ? "WAITING" : switch (survey.status()) {
      case "ANSWERED" -> "DONE";
      case "OPEN", "SENT" -> "CURRENT";
      default -> "SKIPPED";
    };
    String surveyLabel = survey == null ? "Short survey" : switch (surveyState) {
      case "DONE" -> "Survey answered, thank you";
      case "CURRENT" -> "Short survey sent to you (optional)";
      default -> "Survey closed";
    };
    steps.add(new Step("SURVEY", surveyLabel, surveyState, null, null));

    if (status == SupportStatus.EXPIRED) {
      steps.replaceAll(s -> "DONE".equals(s.state()) ? s : new Step(s.key(), s.label(), "SKIPPED", s.at(), s.local()));
    }
    return new StatusView(request.caseNumber(), status.name(), statusText(status), zone.getId(), steps);
  }

  private static boolean atOrAfter(SupportStatus status, SupportStatus step) {
    return status != SupportStatus.EXPIRED && status != SupportStatus.RSSV_REJECTED && status.ordinal() >= step.ordinal();
  }

  private static String local(Instant at, ZoneId zone) {
    return at == null ? null : Dates.format(at, zone);
  }

  static String statusText(SupportStatus status) {
    return switch (status) {
      case RSSV_PENDING -> "We are waiting for your signed security form.";
      case RSSV_RETURNED -> "We have your signed form; a technician will schedule the session.";
      case RSSV_REJECTED -> "We could not accept the signed form; please see our mail and send a corrected one.";
      case SESSION_SCHEDULED -> "Your remote session is scheduled.";
      case SESSION_HELD -> "The session took place; the technician is writing the work order.";
      case WORK_ORDER_SENT -> "We have sent you the work order.";
      case COMPLETED -> "Your request is complete.";
      case EXPIRED -> "This request has closed because the signed form did not arrive in time.";
    };
  }
}
