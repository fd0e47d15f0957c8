package org.remoteservices.privacy.application;

import java.util.ArrayList;
import java.util.List;
import org.remoteservices.privacy.application.port.PrivacyRecordStore;
import org.remoteservices.privacy.application.port.PrivacyRequestStore;
import org.remoteservices.privacy.application.port.PrivacyRequestStore.RightOutcome;
import org.remoteservices.privacy.domain.PrivacyRequest;
import org.remoteservices.privacy.domain.PrivacyRight;
import org.remoteservices.shared.error.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The privacy officer's decisions on the merits of a verified right, each with its reason and, when it goes against
 * the requester, the right to complain: an objection overruled by compelling legitimate grounds (GDPR Art. 21(1)),
 * a rectification not accepted, and whether the open work of a restricted subject continues because they need it
 * (the contract, Art. 18(2)). Every decision re-checks verification and that the request asks for the right.
 */
@Service
public class MeritsDecisions {
  private static final Logger LOG = LoggerFactory.getLogger(MeritsDecisions.class);
  /** Set on the subject while a restriction lets open work continue because the requester needs it (their contract). */
  public static final String CONTRACT_WORK_FLAG = "RESTRICTION_CONTRACT_WORK";
  static final String REFUSED = "REFUSED";

  private final PrivacyRequestStore requests;
  private final PrivacyRecordStore records;
  private final SubjectService subjects;
  private final SubjectKeys keys;
  private final VerificationService verification;
  private final PrivacyMails mails;
  private final PrivacyPolicy policy;

  public MeritsDecisions(PrivacyRequestStore requests, PrivacyRecordStore records, SubjectService subjects, SubjectKeys keys,
      VerificationService verification, PrivacyMails mails, PrivacyPolicy policy) {
    this.requests = requests;
    this.records = records;
    this.subjects = subjects;
    this.keys = keys;
    this.verification = verification;
    this.mails = mails;
    this.policy = policy;
  }

  /**
   * The officer's review of an objection. Not overruled: the objection stands (its flag stays, legitimate-interest
   * processing stays stopped). Overruled: the grounds are required, recorded as the right's outcome, the flag goes and
   * the requester is mailed the grounds with the right to complain ({@link #mailObjectionOverruled}).
   */
  @Transactional
  public void reviewObjection(String id, boolean overruled, String grounds) {
    PrivacyRequest request = asked(id, PrivacyRight.OBJECTION);
    if (!overruled) {
      LOG.info("privacy request {}: objection upheld by the privacy officer", id);
      return;
    }
    if (grounds == null || grounds.isBlank()) {
      throw DomainException.rejected("compellingGrounds: the compelling legitimate grounds are required to overrule an objection");
    }
    for (String key : subjectKeys(request)) {
      records.deleteFlag(key, PrivacyRight.OBJECTION.name());
    }
    requests.recordRightOutcome(id, PrivacyRight.OBJECTION, REFUSED,
        "not followed: we have compelling legitimate grounds for the processing that override your interests: " + grounds.strip()
            + ". You may ask us to review this, and you may complain to a supervisory authority");
    LOG.info("privacy request {}: objection overruled by compelling grounds", id);
  }

  @Transactional
  public void mailObjectionOverruled(String id) {
    PrivacyRequest request = requests.get(id);
    RightOutcome outcome = outcome(id, PrivacyRight.OBJECTION);
    if (!REFUSED.equals(outcome.status())) {
      throw new IllegalStateException("privacy request " + id + ": the objection was not overruled");
    }
    mails.send(request, "objection-overruled", to(request), "Your objection: our compelling legitimate grounds", "objection-overruled",
        java.util.Map.of("grounds", String.valueOf(outcome.outcome()), "authority", policy.supervisoryAuthority()),
        List.of());
  }

  /** A rectification the officer does not accept: nothing changes, the reason and the right to complain are the answer. */
  @Transactional
  public void refuseRectification(String id, String reason) {
    asked(id, PrivacyRight.RECTIFICATION);
    if (reason == null || reason.isBlank()) {
      throw DomainException.rejected("refusalReason: a reason is required to refuse a rectification (it is sent to the requester)");
    }
    requests.recordRightOutcome(id, PrivacyRight.RECTIFICATION, REFUSED,
        "not made: we do not consider the data inaccurate or incomplete: " + reason.strip()
            + ". You may add a supplementary statement, ask us to review this, and complain to a supervisory authority");
    LOG.info("privacy request {}: rectification refused on the merits", id);
  }

  /** Whether the right was refused on the merits (nothing to tell recipients then). */
  public boolean refused(String id, PrivacyRight right) {
    return requests.rightOutcomes(id).stream().anyMatch(o -> o.right() == right && REFUSED.equals(o.status()));
  }

  /**
   * While processing is restricted, the subject's open support work only stores what arrives (no reminders, no survey,
   * no marketing or sales contact) unless the officer decides it continues because the requester needs it for their
   * contract; the reason is recorded with the outcome either way.
   */
  @Transactional
  public void decideOpenWork(String id, boolean continues, String reason) {
    PrivacyRequest request = asked(id, PrivacyRight.RESTRICTION);
    if (reason == null || reason.isBlank()) {
      throw DomainException.rejected("restrictionReason: record why the open work does or does not continue");
    }
    for (String key : subjectKeys(request)) {
      if (continues) {
        records.setFlag(key, CONTRACT_WORK_FLAG, id);
      } else {
        records.deleteFlag(key, CONTRACT_WORK_FLAG);
      }
    }
    RightOutcome outcome = outcome(id, PrivacyRight.RESTRICTION);
    String before = outcome.outcome() == null ? "processing of your data is restricted" : outcome.outcome();
    requests.recordRightOutcome(id, PrivacyRight.RESTRICTION, outcome.status() == null ? "DONE" : outcome.status(), before
        + (continues ? "; your open support work continues because you need it for your contract with us (" + reason.strip()
            + "); we still send you no survey or marketing mail"
            : "; your open support cases are on hold: we only store what arrives until the restriction is lifted (" + reason.strip() + ")"));
    LOG.info("privacy request {}: open work of the restricted subject {}", id, continues ? "continues (contract)" : "is on hold");
  }

  List<String> subjectKeys(PrivacyRequest request) {
    List<String> emails = new ArrayList<>();
    emails.add(request.email());
    SubjectService.Subject subject = subjects.match(request);
    if (subject.emailOnRecord() != null && !subject.emailOnRecord().equalsIgnoreCase(request.email())) {
      emails.add(subject.emailOnRecord());
    }
    return emails.stream().map(keys::of).distinct().toList();
  }

  private List<String> to(PrivacyRequest request) {
    return request.possessionConfirmed() && request.contactOnRecord() != null ? List.of(request.contactOnRecord())
        : PrivacyRequestService.recipients(request);
  }

  private PrivacyRequest asked(String id, PrivacyRight right) {
    PrivacyRequest request = requests.get(id);
    verification.requireVerified(request);
    if (!request.asks(right)) {
      throw DomainException.conflict("privacy request " + request.reference() + " does not ask for " + right.label());
    }
    return request;
  }

  private RightOutcome outcome(String id, PrivacyRight right) {
    return requests.rightOutcomes(id).stream().filter(o -> o.right() == right).findFirst()
        .orElseThrow(() -> new IllegalStateException("privacy request " + id + " has no " + right));
  }
}
