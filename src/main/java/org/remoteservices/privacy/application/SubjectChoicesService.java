package org.remoteservices.privacy.application;

import java.util.List;
import java.util.Set;
import org.remoteservices.privacy.application.port.PrivacyRecordStore;
import org.remoteservices.privacy.application.port.PrivacyRequestStore;
import org.remoteservices.privacy.api.Rectification;
import org.remoteservices.privacy.api.SubjectDataProvider;
import org.remoteservices.privacy.domain.PrivacyRequest;
import org.remoteservices.privacy.domain.PrivacyRight;
import java.time.Instant;
import org.remoteservices.shared.error.DomainException;
import org.remoteservices.shared.time.TimeSource;
import org.remoteservices.shared.tokens.AccessTokens;
import org.remoteservices.shared.tokens.PublicLinks;
import org.remoteservices.shared.tokens.TokenPurpose;
import org.remoteservices.support.api.SurveyGate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The subject's standing choices: restriction, objection, opt-out of sale, limiting sensitive data,
 * withdrawn consent, unsubscribed from marketing. Kept as flags under the subject's salted key and honoured
 * by every later mail decision: the survey step asks {@link #allowsSurvey}, marketing mail {@link #mayMarket}.
 */
@Service
public class SubjectChoicesService implements SurveyGate {
  private static final Logger LOG = LoggerFactory.getLogger(SubjectChoicesService.class);
  private static final Set<String> NO_SURVEY = Set.of(PrivacyRight.RESTRICTION.name(), PrivacyRight.OBJECTION.name());
  private static final Set<String> NO_MARKETING = Set.of(PrivacyRight.RESTRICTION.name(), PrivacyRight.OBJECTION.name(),
      PrivacyRight.WITHDRAW_CONSENT.name(), PrivacyRight.UNSUBSCRIBE_MARKETING.name());
  private static final Set<String> NO_SHARING = Set.of(PrivacyRight.RESTRICTION.name(), PrivacyRight.OPT_OUT_OF_SALE.name(),
      PrivacyRight.LIMIT_SENSITIVE.name());

  private final PrivacyRequestStore requests;
  private final PrivacyRecordStore records;
  private final SubjectService subjects;
  private final SubjectKeys keys;
  private final VerificationService verification;

  private final PrivacyMails mails;
  private final AccessTokens tokens;
  private final PublicLinks links;
  private final PrivacyPolicy policy;
  private final TimeSource time;

  public SubjectChoicesService(PrivacyRequestStore requests, PrivacyRecordStore records, SubjectService subjects, SubjectKeys keys,
      VerificationService verification, PrivacyMails mails, AccessTokens tokens, PublicLinks links, PrivacyPolicy policy, TimeSource time) {
    this.mails = mails;
    this.tokens = tokens;
    this.links = links;
    this.policy = policy;
    this.time = time;
    this.requests = requests;
    this.records = records;
    this.subjects = subjects;
    this.keys = keys;
    this.verification = verification;
  }

  @Override
  public boolean allowsSurvey(String requesterEmail) {
    return records.flags(keys.of(requesterEmail)).stream().noneMatch(NO_SURVEY::contains);
  }

  /** Restricted: no reminders from the running case, unless an officer decided its open work continues (contract). */
  @Override
  public boolean allowsReminders(String requesterEmail) {
    List<String> flags = records.flags(keys.of(requesterEmail));
    return !flags.contains(PrivacyRight.RESTRICTION.name()) || flags.contains(MeritsDecisions.CONTRACT_WORK_FLAG);
  }

  public boolean mayMarket(String email) {
    return records.flags(keys.of(email)).stream().noneMatch(NO_MARKETING::contains);
  }

  public boolean mayShareWithThirdParties(String email) {
    return records.flags(keys.of(email)).stream().noneMatch(NO_SHARING::contains);
  }

  public List<String> flagsOf(String email) {
    return records.flags(keys.of(email));
  }

  /** Restriction or objection: the flag at once, and each running remote-support instance of the subject told. */
  @Transactional
  public void recordRestriction(String id, PrivacyRight right) {
    PrivacyRequest request = requests.get(id);
    verification.requireVerified(request);
    SubjectService.Subject subject = subjects.match(request);
    for (String email : emails(request, subject)) {
      records.setFlag(keys.of(email), right.name(), id);
    }
    int told = 0;
    for (SubjectDataProvider provider : subjects.providers()) {
      told += provider.restrict(subject.of(provider));
    }
    String outcome = (right == PrivacyRight.RESTRICTION
        ? "processing of your data is restricted: we store it but use it for nothing else, send you no survey or marketing mail, and will tell you before we lift the restriction"
        : "your objection is recorded: we send you no survey or marketing mail and stop processing based on legitimate interests")
        + (told > 0 ? "; " + told + " open support case(s) were told at once" : "");
    requests.recordRightOutcome(id, right, "DONE", outcome);
    LOG.info("privacy request {}: {} recorded, {} running support case(s) told", id, right, told);
  }

  /** Opt-out of sale, limit sensitive data, withdraw consent, unsubscribe: recorded, no verification needed. */
  @Transactional
  public void recordConsentChoice(String id, PrivacyRight right) {
    PrivacyRequest request = requests.get(id);
    if (!right.isConsentChoice()) {
      throw new IllegalArgumentException(right + " is not a consent choice");
    }
    records.setFlag(keys.of(request.email()), right.name(), id);
    String outcome = switch (right) {
      case OPT_OUT_OF_SALE -> "recorded: we do not sell personal information, and now will not share yours with third parties beyond what your service needs";
      case LIMIT_SENSITIVE -> "recorded: we use sensitive personal information only to provide the service you asked for";
      case WITHDRAW_CONSENT -> "recorded: we no longer process your data on the basis of consent (marketing mail included)";
      case UNSUBSCRIBE_MARKETING -> "recorded: you receive no more marketing mail from us";
      default -> throw new IllegalStateException();
    };
    requests.recordRightOutcome(id, right, "DONE", outcome);
    LOG.info("privacy request {}: {} recorded", id, right);
  }

  private static List<String> emails(PrivacyRequest request, SubjectService.Subject subject) {
    if (subject.emailOnRecord() != null && !subject.emailOnRecord().equalsIgnoreCase(request.email())) {
      return List.of(request.email(), subject.emailOnRecord());
    }
    return List.of(request.email());
  }

  /**
   * Rectification: the privacy officer's correction applied to our records (every store and this request). A new
   * e-mail address is not applied at once: the address on record is asked to confirm it first (a link mailed there),
   * so nobody can move someone's records to an address of their own by asking for a "correction".
   */
  @Transactional
  public String rectify(String id, String name, String email, String phone) {
    PrivacyRequest request = requests.get(id);
    verification.requireVerified(request);
    String lowerEmail = email == null ? null : email.strip().toLowerCase(java.util.Locale.ROOT);
    boolean emailChange = lowerEmail != null && !lowerEmail.equalsIgnoreCase(request.contactOnRecord());
    int changed = apply(request, new Rectification(name, emailChange ? null : lowerEmail, phone));
    List<String> fields = new java.util.ArrayList<>();
    if (name != null) fields.add("name");
    if (lowerEmail != null && !emailChange) fields.add("email address");
    if (phone != null) fields.add("phone number");
    String outcome = (fields.isEmpty() ? "" : "corrected " + String.join(", ", fields) + " in " + changed + " record(s)");
    if (emailChange) {
      requests.setPendingEmail(id, lowerEmail);
      Instant expiry = time.now().plus(policy.evidenceLinkValidity());
      mails.send(request, "email-change", () -> PrivacyMails.templated(request, List.of(request.contactOnRecord()),
          "Please confirm the change of your e-mail address", "email-change",
          PrivacyMails.values("newEmail", lowerEmail,
              "link", links.link("/portal/privacy/email-change/" + tokens.issue(TokenPurpose.EMAIL_CHANGE, id, expiry))),
          List.of()));
      outcome = (outcome.isEmpty() ? "" : outcome + "; ") + "the new e-mail address takes effect once it is confirmed from the address we hold";
    }
    requests.recordRightOutcome(id, PrivacyRight.RECTIFICATION, "DONE", outcome);
    LOG.info("privacy request {}: rectification applied to {} record(s){}", id, changed, emailChange ? ", e-mail change awaits confirmation" : "");
    return outcome;
  }

  /** The old address confirmed the new one: now every store gets it. */
  @Transactional
  public void confirmEmailChange(String token) {
    String id = tokens.resolve(TokenPurpose.EMAIL_CHANGE, token);
    tokens.markUsed(TokenPurpose.EMAIL_CHANGE, token);
    PrivacyRequest request = requests.get(id);
    if (request.pendingEmail() == null) {
      throw DomainException.gone("there is no change of address waiting for confirmation");
    }
    int changed = apply(request, new Rectification(null, request.pendingEmail(), null));
    requests.setPendingEmail(id, null);
    LOG.info("privacy request {}: the e-mail change was confirmed from the old address and applied to {} record(s)", id, changed);
  }

  private int apply(PrivacyRequest request, Rectification correction) {
    SubjectService.Subject subject = subjects.match(request);
    int changed = 0;
    for (SubjectDataProvider provider : subjects.providers()) {
      changed += provider.rectify(subject.of(provider), correction);
    }
    requests.rectify(request.id(), correction.name(), correction.email(), correction.phone());
    return changed;
  }
}
