package org.remoteservices.privacy.application;

import org.remoteservices.privacy.application.port.PrivacyProcessPort;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.remoteservices.privacy.application.port.PrivacyRecordStore;
import org.remoteservices.privacy.application.port.PrivacyRequestStore;
import org.remoteservices.privacy.application.port.PrivacyRequestStore.RightOutcome;
import org.remoteservices.privacy.domain.Deadlines;
import org.remoteservices.privacy.domain.Jurisdiction;
import org.remoteservices.privacy.domain.PrivacyRequest;
import org.remoteservices.privacy.domain.PrivacyRight;
import org.remoteservices.privacy.domain.VerificationLevel;
import org.remoteservices.shared.mail.MailAttachment;
import org.remoteservices.shared.time.TimeSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Privacy requests: intake (portal, API, officer, unsubscribe link), acknowledgement, final response, status. */
@Service
public class PrivacyRequestService {
  private static final Logger LOG = LoggerFactory.getLogger(PrivacyRequestService.class);

  private final PrivacyRequestStore requests;
  private final PrivacyRecordStore records;
  private final PrivacyProcessPort process;
  private final DeadlineService deadlines;
  private final PrivacyMails mails;
  private final PrivacyPolicy policy;
  private final TimeSource time;

  public PrivacyRequestService(PrivacyRequestStore requests, PrivacyRecordStore records, PrivacyProcessPort process,
      DeadlineService deadlines, PrivacyMails mails, PrivacyPolicy policy, TimeSource time) {
    this.requests = requests;
    this.records = records;
    this.process = process;
    this.deadlines = deadlines;
    this.mails = mails;
    this.policy = policy;
    this.time = time;
  }

  /**
   * What a requester (or an officer on their behalf) asks for. Checked by the caller (REST validation, form listener).
   * {@code jurisdiction} null: not given (the job's location decides, else the strictest clock); {@code receivedOn}
   * null: today (an officer enters the day a phone call or letter came in; every clock counts from it).
   */
  public record Intake(String channel, List<PrivacyRight> rights, String name, String email, String phone, String jobNumber,
      String jobLocation, Jurisdiction jurisdiction, String details, boolean specificPieces, String agentName, String agentEmail,
      LocalDate receivedOn) {

    public Intake(String channel, List<PrivacyRight> rights, String name, String email, String phone, String jobNumber,
        String jobLocation, Jurisdiction jurisdiction, String details, boolean specificPieces, String agentName, String agentEmail) {
      this(channel, rights, name, email, phone, jobNumber, jobLocation, jurisdiction, details, specificPieces, agentName, agentEmail, null);
    }

    Intake withRights(List<PrivacyRight> only) {
      return new Intake(channel, only, name, email, phone, jobNumber, jobLocation, jurisdiction, details, specificPieces, agentName, agentEmail,
          receivedOn);
    }
  }

  /** Stores the request and starts its process in one transaction. */
  @Transactional
  public PrivacyRequest receive(Intake intake) {
    PrivacyRequest request = store(intake);
    process.start(request.id(), request.verificationLevel() != VerificationLevel.NONE, erasureRequested(request.id()));
    return request;
  }

  /**
   * Stores the request (a privacy officer's Tasklist start form: its process is already starting). The opt-out parts
   * of a request that asks for more (opt-out of sale/sharing, limit sensitive data) are split off into a request of
   * their own, started here: their own 15-business-day clock, no verification, their own answer. A right the same
   * person already asked for in a request that is still open is linked to that one, not run twice.
   */
  @Transactional
  public PrivacyRequest store(Intake intake) {
    List<PrivacyRight> rights = intake.rights().stream().distinct().toList();
    List<PrivacyRight> optOuts = rights.stream().filter(PrivacyRight::isOptOutPart).toList();
    if (!optOuts.isEmpty() && optOuts.size() < rights.size()) {
      PrivacyRequest main = storeOne(intake.withRights(rights.stream().filter(r -> !r.isOptOutPart()).toList()));
      PrivacyRequest split = storeOne(intake.withRights(optOuts));
      requests.markSplitFrom(split.id(), main.id());
      process.start(split.id(), split.verificationLevel() != VerificationLevel.NONE, false);
      LOG.info("privacy request {}: opt-out parts {} split off as {} ({}), answered on their own clock", main.reference(), optOuts,
          split.reference(), split.id());
      return main;
    }
    return storeOne(intake.withRights(rights));
  }

  private PrivacyRequest storeOne(Intake intake) {
    Deadlines calc = deadlines.deadlines();
    LocalDate received = deadlines.receivedDay(intake.receivedOn());
    Instant receivedAt = deadlines.receivedAt(received);
    Jurisdiction jurisdiction = deadlines.resolve(intake.jurisdiction(), intake.jobNumber(), intake.jobLocation());
    List<PrivacyRight> rights = intake.rights();
    String id = UUID.randomUUID().toString();
    Map<PrivacyRight, PrivacyRequest> linked = new java.util.LinkedHashMap<>();
    for (PrivacyRight right : rights) {
      requests.openRequestWithRight(intake.email(), right, id).ifPresent(earlier -> linked.put(right, earlier));
    }
    List<PrivacyRight> toRun = rights.stream().filter(r -> !linked.containsKey(r)).toList();
    LocalDate due = calc.answerDue(jurisdiction.regime(), received, rights);
    LocalDate ackDue = calc.acknowledgementDue(jurisdiction.regime(), received);
    PrivacyRequest request = requests.insert(new PrivacyRequestStore.NewRequest(id, intake.channel(),
        jurisdiction, rights, intake.specificPieces(), intake.name(), lower(intake.email()), intake.phone(), intake.jobNumber(),
        intake.jobLocation(), intake.details(), intake.agentName(), lower(intake.agentEmail()),
        PrivacyRequest.levelFor(toRun, intake.specificPieces() && !toRun.isEmpty()), receivedAt, ackDue == null ? null : calc.endOf(ackDue),
        calc.endOf(due)));
    linked.forEach((right, earlier) -> requests.linkRight(id, right, earlier.id(),
        "already being answered under your request " + earlier.reference() + " of " + PrivacyMails.day(earlier.receivedAt())
            + "; we answer it there, once, by " + PrivacyMails.deadlineDay(earlier.dueAt())));
    LOG.info("privacy request {} ({}) received via {}: rights {}, jurisdiction {}, received {}, due {}{}", request.id(), request.reference(),
        intake.channel(), rights, jurisdiction, received, due, linked.isEmpty() ? "" : "; linked to earlier requests: " + linked.keySet());
    return request;
  }

  /** The rights a request's clock is computed from: a mixed request's opt-out parts go on their own clock. */
  public static List<PrivacyRight> clockRights(List<PrivacyRight> rights) {
    List<PrivacyRight> rest = rights.stream().filter(r -> !r.isOptOutPart()).toList();
    return rest.isEmpty() ? rights : rest;
  }

  /** The request's own erasure (not one linked to an earlier request). */
  public boolean erasureRequested(String id) {
    return requests.rightsToRun(id).contains(PrivacyRight.ERASURE);
  }

  public PrivacyRequest get(String id) {
    return requests.get(id);
  }

  /** The rights the request runs itself (the multi-instance collection): not those linked to an earlier request. */
  public List<String> rightsOf(String id) {
    return requests.rightsToRun(id).stream().map(Enum::name).toList();
  }

  @Transactional
  public void mailAcknowledgement(String id) {
    PrivacyRequest request = requests.get(id);
    String verification = switch (request.verificationLevel()) {
      case NONE -> "No identity verification is needed for what you asked; we act on it right away.";
      case STANDARD -> "Before we act, we confirm the request through the contact details we already hold: if we hold data about you, "
          + "we write to the address we have for you with a link to confirm that the request is yours.";
      case HEIGHTENED -> "Because of what you asked, we confirm the request through the contact details we already hold and ask for a "
          + "signed declaration: if we hold data about you, we write to the address we have for you with both links.";
    };
    mails.send(request, "acknowledgement", recipients(request), "We received your privacy request", "acknowledgement",
        Map.of("received", PrivacyMails.day(request.receivedAt()), "rights", labels(request.rights()), "verification", verification,
            "due", PrivacyMails.deadlineDay(request.dueAt())),
        List.of());
    requests.markAcknowledged(id);
    requests.updateStatus(id, request.verificationLevel() == VerificationLevel.NONE ? "IN_PROGRESS" : "VERIFYING");
  }

  /**
   * The acknowledgement watch (CCPA: within 10 business days): at the acknowledgement deadline, a request still not
   * acknowledged (its mail failed and waits as an incident) is logged as a warning and acknowledged now. Returns whether
   * it was late.
   */
  @Transactional
  public boolean checkAcknowledged(String id) {
    PrivacyRequest request = requests.get(id);
    if (request.ackDueAt() == null || requests.acknowledgedAt(id).isPresent()) {
      return false;
    }
    LOG.warn("ACKNOWLEDGEMENT LATE: privacy request {} ({}) was to be acknowledged by {}; acknowledging now", id, request.reference(),
        request.ackDueAt());
    mailAcknowledgement(id);
    return true;
  }

  /** The answer: what was done for each right, what is retained and why, who was told, how to complain. */
  @Transactional
  public void mailFinalResponse(String id, List<MailAttachment> attachments) {
    PrivacyRequest request = requests.get(id);
    List<String> done = new java.util.ArrayList<>();
    for (RightOutcome outcome : requests.rightOutcomes(id)) {
      done.add(capitalised(outcome.right().label()) + ": " + (outcome.outcome() == null ? "done" : outcome.outcome()));
    }
    List<String> kept = new java.util.ArrayList<>();
    records.retained(id).forEach((category, basis) -> kept.add(category.label() + ": " + basis));
    List<String> told = new java.util.ArrayList<>();
    records.notices(id).forEach(n -> told.add(n.role() + " <" + n.email() + ">, " + n.action().toLowerCase(Locale.ROOT)
        + (n.notifiedAt() == null ? "" : ", told on " + PrivacyMails.day(n.notifiedAt()))));
    mails.send(request, "final-response", answerTo(request), "Your privacy request has been answered", "final-response",
        Map.of("received", PrivacyMails.day(request.receivedAt()), "done", done, "kept", kept, "told", told,
            "authority", policy.supervisoryAuthority()),
        attachments);
    requests.complete(id);
    LOG.info("privacy request {} answered", id);
  }

  /**
   * The answer reveals what we hold, so it goes only to the address on record the person confirmed (a request that
   * needed no verification, an opt-out, carries nothing of theirs and goes where it came from). An agent is told,
   * without the content, that the person was answered there.
   */
  private List<String> answerTo(PrivacyRequest request) {
    if (request.verificationLevel() == VerificationLevel.NONE) {
      return recipients(request);
    }
    if (!request.possessionConfirmed()) {
      throw new IllegalStateException("privacy request " + request.id() + " has no confirmed contact on record to answer at");
    }
    if (request.agentEmail() != null && !request.agentEmail().equalsIgnoreCase(request.contactOnRecord())) {
      mails.send(request, "answered-at-record", List.of(request.agentEmail()), "The privacy request has been answered", "answered-at-record",
          Map.of(), List.of());
    }
    return List.of(request.contactOnRecord());
  }

  /** Mail that reveals nothing goes to the requester and, if an agent acts for them, to the agent too. */
  public static List<String> recipients(PrivacyRequest request) {
    List<String> to = new ArrayList<>();
    if (request.email() != null) {
      to.add(request.email());
    }
    if (request.agentEmail() != null && !to.contains(request.agentEmail())) {
      to.add(request.agentEmail());
    }
    return to;
  }

  public static String labels(List<PrivacyRight> rights) {
    return String.join("; ", rights.stream().map(PrivacyRight::label).toList());
  }

  private static String capitalised(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static String lower(String s) {
    return s == null ? null : s.strip().toLowerCase(Locale.ROOT);
  }

  public record Status(String id, String reference, String channel, String jurisdiction, List<RightOutcome> rights, String status,
      String verificationLevel, String verificationStatus, Instant receivedAt, Instant acknowledgedDueAt, Instant dueAt,
      Instant originalDueAt, boolean extended, boolean deadlineMissed, String denialReason, Instant completedAt, int recipientsNotified) {}

  /** The status for operators and privacy officers: no personal data. */
  public java.util.Optional<Status> status(String id) {
    return requests.find(id).map(r -> new Status(r.id(), r.reference(), r.channel(), r.jurisdiction().name(), requests.rightOutcomes(id),
        r.status(), r.verificationLevel().name(), r.verificationStatus(), r.receivedAt(), r.ackDueAt(), r.dueAt(), r.originalDueAt(),
        r.extended(), r.deadlineMissed(), r.denialReason(), r.completedAt(),
        (int) records.notices(id).stream().filter(n -> n.notifiedAt() != null).count()));
  }
}
