package org.remoteservices.privacy.application;

import org.remoteservices.privacy.application.port.PrivacyProcessPort;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.remoteservices.privacy.application.port.PrivacyRequestStore;
import java.util.Optional;
import org.remoteservices.jobs.api.JobDirectory;
import org.remoteservices.privacy.domain.Deadlines;
import org.remoteservices.privacy.domain.Jurisdiction;
import org.remoteservices.privacy.domain.JurisdictionFromAddress;
import org.remoteservices.privacy.domain.PrivacyRight;
import org.remoteservices.privacy.domain.PrivacyRequest;
import org.remoteservices.shared.time.TimeSource;
import org.remoteservices.shared.error.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The deadlines of a request: computed at receipt, read by the model's timers, extended once, watched. */
@Service
public class DeadlineService {
  private static final Logger LOG = LoggerFactory.getLogger(DeadlineService.class);

  private final PrivacyRequestStore requests;
  private final PrivacyProcessPort process;
  private final PrivacyMails mails;
  private final PrivacyPolicy policy;
  private final TimeSource time;
  private final Deadlines deadlines;

  private final JobDirectory jobs;

  public DeadlineService(PrivacyRequestStore requests, @org.springframework.context.annotation.Lazy PrivacyProcessPort process,
      PrivacyMails mails, PrivacyPolicy policy, PrivacyClocks clocks, JobDirectory jobs, TimeSource time) {
    this.requests = requests;
    this.process = process;
    this.mails = mails;
    this.policy = policy;
    this.time = time;
    this.jobs = jobs;
    this.deadlines = new Deadlines(policy.defaultAnswerDays(), TimeSource.ZONE, clocks.allHolidays());
  }

  /**
   * The jurisdiction whose clock applies: the one given; if none was given, the one the job's registered location
   * names (or the location the requester typed); otherwise {@link Jurisdiction#UNKNOWN}, the strictest clock.
   */
  public Jurisdiction resolve(Jurisdiction given, String jobNumber, String jobLocation) {
    if (given != null) {
      return given;
    }
    Optional<Jurisdiction> fromJob = jobNumber == null || jobNumber.isBlank() ? Optional.empty()
        : jobs.find(jobNumber.strip()).flatMap(job -> JurisdictionFromAddress.of(job.locationAddress()));
    return fromJob.or(() -> JurisdictionFromAddress.of(jobLocation)).orElse(Jurisdiction.UNKNOWN);
  }

  /**
   * The day the request was received: today, or the earlier day a privacy officer entered for a request taken by
   * phone or letter (every clock counts from it). A day in the future is refused.
   */
  public LocalDate receivedDay(LocalDate enteredReceivedOn) {
    LocalDate today = deadlines.dayOf(time.now());
    if (enteredReceivedOn == null) {
      return today;
    }
    if (enteredReceivedOn.isAfter(today)) {
      throw DomainException.rejected("receivedOn: the day the request was received cannot be in the future");
    }
    return enteredReceivedOn;
  }

  /** The instant a request received on this day counts from: now if today, else the start of that day. */
  public Instant receivedAt(LocalDate receivedDay) {
    return receivedDay.equals(deadlines.dayOf(time.now())) ? time.now() : deadlines.startOf(receivedDay);
  }

  public Deadlines deadlines() {
    return deadlines;
  }

  /** @param acknowledgementWatchAt when the acknowledgement watch looks: the acknowledgement deadline, or receipt where none applies */
  public record Provisional(Instant dueAt, Instant reminderAt, Instant acknowledgementWatchAt) {}

  /** The deadlines a request received now would get (before it is stored). */
  public Provisional provisional(Jurisdiction jurisdiction, List<PrivacyRight> rights) {
    return provisional(jurisdiction, rights, null);
  }

  /** The deadlines a request received on the given day (null: today) would get (before it is stored). */
  public Provisional provisional(Jurisdiction jurisdiction, List<PrivacyRight> rights, LocalDate receivedOn) {
    Instant now = time.now();
    LocalDate received = receivedOn == null || receivedOn.isAfter(deadlines.dayOf(now)) ? deadlines.dayOf(now) : receivedOn;
    Instant due = deadlines.endOf(deadlines.answerDue(jurisdiction.regime(), received, PrivacyRequestService.clockRights(rights)));
    Instant reminder = due.minus(policy.reminderBefore());
    Instant receivedAt = receivedAt(received);
    LocalDate ackDue = deadlines.acknowledgementDue(jurisdiction.regime(), received);
    return new Provisional(due, reminder.isBefore(receivedAt) ? receivedAt : reminder, ackDue == null ? receivedAt : deadlines.endOf(ackDue));
  }

  public Instant dueAt(String id) {
    return requests.get(id).dueAt();
  }

  /** The acknowledgement watch's time: the acknowledgement deadline (CCPA, unknown law), or receipt where none applies. */
  public Instant acknowledgementWatchAt(String id) {
    PrivacyRequest request = requests.get(id);
    return request.ackDueAt() != null ? request.ackDueAt() : request.receivedAt();
  }

  /** The reminder comes the configured time before the (possibly extended) deadline, never before receipt. */
  public Instant reminderAt(String id) {
    PrivacyRequest request = requests.get(id);
    Instant at = request.dueAt().minus(policy.reminderBefore());
    return at.isBefore(request.receivedAt()) ? request.receivedAt() : at;
  }

  /** An unverified request is denied a little before its deadline, so the denial itself is in time. */
  public Instant verificationDeadline(String id) {
    PrivacyRequest request = requests.get(id);
    Instant at = request.dueAt().minus(policy.verificationGrace());
    return at.isBefore(request.receivedAt()) ? request.receivedAt() : at;
  }

  /**
   * Extends the deadline once, before the original one ends, with a reason; the requester is mailed by
   * {@link #mailExtensionNotice}. Refused (a form error for the officer) when too late or already extended.
   */
  @Transactional
  public void extend(String id, String reason) {
    PrivacyRequest request = requests.get(id);
    if (request.extended()) {
      throw DomainException.conflict("the deadline has already been extended once");
    }
    if (!time.now().isBefore(request.originalDueAt())) {
      throw DomainException.conflict("the original deadline has passed; it can no longer be extended");
    }
    LocalDate received = deadlines.dayOf(request.receivedAt());
    LocalDate newDue = deadlines.extendedDue(request.jurisdiction().regime(), received, deadlines.dayOf(request.originalDueAt().minusSeconds(1)));
    requests.extend(id, deadlines.endOf(newDue), reason);
    process.verificationDeadlineMoved(id, verificationDeadline(id));
    LOG.info("privacy request {} deadline extended to {}", id, newDue);
  }

  @Transactional
  public void mailExtensionNotice(String id) {
    PrivacyRequest request = requests.get(id);
    mails.send(request, "extension", List.of(request.replyTo()), "We need more time to answer your privacy request", "extension",
        java.util.Map.of("received", PrivacyMails.day(request.receivedAt()), "due", PrivacyMails.deadlineDay(request.dueAt()),
            "reason", String.valueOf(request.extensionReason()), "authority", policy.supervisoryAuthority()),
        List.of());
  }

  /** Why the deadline was missed, as the officer recorded it in the "DEADLINE MISSED" task. */
  @Transactional
  public void recordMissedReason(String id, String reason) {
    PrivacyRequest request = requests.get(id);
    if (!request.deadlineMissed()) {
      throw DomainException.conflict("privacy request " + request.reference() + " has not missed its deadline");
    }
    requests.recordMissedReason(id, reason.strip());
    LOG.warn("privacy request {} ({}): why the deadline was missed is recorded", id, request.reference());
  }

  /** True (and recorded, and logged as a warning) if the request is still open after its deadline. */
  @Transactional
  public boolean checkMissed(String id) {
    PrivacyRequest request = requests.get(id);
    boolean missed = request.completedAt() == null && !time.now().isBefore(request.dueAt());
    if (missed) {
      requests.markDeadlineMissed(id);
      LOG.warn("DEADLINE MISSED: privacy request {} ({}) was due {} and is still open; escalated to the privacy officers",
          id, request.reference(), request.dueAt());
    }
    return missed;
  }
}
