package org.remoteservices.privacy.application;

import java.time.Instant;
import java.util.List;
import org.remoteservices.privacy.api.SubjectDataProvider;
import org.remoteservices.privacy.application.port.PrivacyProcessPort;
import org.remoteservices.privacy.application.port.PrivacyRecordStore;
import org.remoteservices.privacy.application.port.PrivacyRecordStore.RestrictionLift;
import org.remoteservices.privacy.application.port.PrivacyRequestStore;
import org.remoteservices.privacy.domain.PrivacyRequest;
import org.remoteservices.privacy.domain.PrivacyRight;
import org.remoteservices.shared.error.DomainException;
import org.remoteservices.shared.time.TimeSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "We'll tell you before we lift any restriction" (the notice; GDPR Art. 18(3)): a privacy officer asks to lift a
 * request's restriction with a reason; the person is mailed first, at the address on record, with the reason and the
 * day; the restriction ends only when the configured notice period has passed ({@code rso.privacy.clocks.restriction-lift-notice}),
 * and then their cases act again (reminders, and whatever else the restriction held back).
 */
@Service
public class RestrictionLifts {
  private static final Logger LOG = LoggerFactory.getLogger(RestrictionLifts.class);

  private final PrivacyRequestStore requests;
  private final PrivacyRecordStore records;
  private final PrivacyProcessPort process;
  private final MeritsDecisions merits;
  private final PrivacyMails mails;
  private final PrivacyClocks clocks;
  private final TimeSource time;
  private final SubjectService subjects;

  public RestrictionLifts(PrivacyRequestStore requests, PrivacyRecordStore records, @Lazy PrivacyProcessPort process, MeritsDecisions merits,
      PrivacyMails mails, PrivacyClocks clocks, TimeSource time, @Lazy SubjectService subjects) {
    this.subjects = subjects;
    this.requests = requests;
    this.records = records;
    this.process = process;
    this.merits = merits;
    this.mails = mails;
    this.clocks = clocks;
    this.time = time;
  }

  /** Starts the lift; refused for an unknown request (404), one without a standing restriction or already lifting (409). */
  @Transactional
  public RestrictionLift requestLift(String id, String reason, String requestedBy) {
    PrivacyRequest request = requests.find(id).orElseThrow(() -> DomainException.notFound("no privacy request " + id));
    if (reason == null || reason.isBlank()) {
      throw DomainException.rejected("reason: say why the restriction is lifted (it is mailed to the person)");
    }
    boolean restricted = request.asks(PrivacyRight.RESTRICTION) && requests.rightOutcomes(id).stream()
        .anyMatch(o -> o.right() == PrivacyRight.RESTRICTION && "DONE".equals(o.status()));
    if (!restricted) {
      throw DomainException.conflict("privacy request " + request.reference() + " holds no restriction in force");
    }
    if (records.restrictionLift(id).isPresent()) {
      throw DomainException.conflict("the restriction of privacy request " + request.reference() + " is already being lifted");
    }
    records.insertRestrictionLift(id, reason.strip(), requestedBy, time.now().plus(clocks.restrictionLiftNotice()));
    process.startRestrictionLift(id);
    LOG.info("privacy request {}: restriction lift requested; the person is told first", request.reference());
    return records.restrictionLift(id).orElseThrow();
  }

  public Instant liftAt(String id) {
    return liftOf(id).liftAt();
  }

  /** The notice, before anything changes: why, and from which day. */
  @Transactional
  public void mailNotice(String id) {
    PrivacyRequest request = requests.get(id);
    RestrictionLift lift = liftOf(id);
    mails.send(request, "restriction-lift-notice", to(request), "We will lift the restriction of processing of your data",
        "restriction-lift-notice", java.util.Map.of("liftOn", PrivacyMails.day(lift.liftAt()), "reason", String.valueOf(lift.reason())),
        List.of());
    records.markLiftNoticeSent(id);
  }

  /** Lifts the restriction: only after the notice went out and its period passed (the model is not the guard). */
  @Transactional
  public void lift(String id) {
    PrivacyRequest request = requests.get(id);
    RestrictionLift lift = liftOf(id);
    if (lift.liftedAt() != null) {
      return;
    }
    if (lift.noticeSentAt() == null || time.now().isBefore(lift.liftAt())) {
      throw DomainException.conflict("the restriction of privacy request " + request.reference() + " cannot be lifted before "
          + PrivacyMails.day(lift.liftAt()) + ": the person must be told first and the notice period must pass");
    }
    for (String key : merits.subjectKeys(request)) {
      records.deleteFlag(key, PrivacyRight.RESTRICTION.name());
      records.deleteFlag(key, MeritsDecisions.CONTRACT_WORK_FLAG);
    }
    records.markRestrictionLifted(id);
    SubjectService.Subject subject = subjects.match(request);
    int resumed = 0;
    for (SubjectDataProvider provider : subjects.providers()) { // what was withheld while on hold and is still due
      resumed += provider.restrictionLifted(subject.of(provider));
    }
    LOG.info("privacy request {}: restriction lifted after the notice period, {} withheld step(s) done now", request.reference(), resumed);
  }

  private RestrictionLift liftOf(String id) {
    return records.restrictionLift(id).orElseThrow(() -> new IllegalStateException("privacy request " + id + " has no restriction lift"));
  }

  private static List<String> to(PrivacyRequest request) {
    return request.possessionConfirmed() && request.contactOnRecord() != null ? List.of(request.contactOnRecord())
        : PrivacyRequestService.recipients(request);
  }
}
