package org.remoteservices.privacy.application;

import java.util.List;
import java.util.Set;
import org.remoteservices.privacy.application.port.PrivacyRecordStore;
import org.remoteservices.privacy.application.port.PrivacyRequestStore;
import org.remoteservices.privacy.api.Rectification;
import org.remoteservices.privacy.api.SubjectDataProvider;
import org.remoteservices.privacy.domain.PrivacyRequest;
import org.remoteservices.privacy.domain.PrivacyRight;
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

  public SubjectChoicesService(PrivacyRequestStore requests, PrivacyRecordStore records, SubjectService subjects, SubjectKeys keys,
      VerificationService verification) {
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

  /** Rectification: the privacy officer's correction applied to our records (support requests and this request). */
  @Transactional
  public String rectify(String id, String name, String email, String phone) {
    PrivacyRequest request = requests.get(id);
    verification.requireVerified(request);
    SubjectService.Subject subject = subjects.match(request);
    String lowerEmail = email == null ? null : email.toLowerCase(java.util.Locale.ROOT);
    Rectification correction = new Rectification(name, lowerEmail, phone);
    int changed = 0;
    for (SubjectDataProvider provider : subjects.providers()) {
      changed += provider.rectify(subject.of(provider), correction);
    }
    requests.rectify(id, name, lowerEmail, phone);
    List<String> fields = new java.util.ArrayList<>();
    if (name != null) fields.add("name");
    if (email != null) fields.add("email address");
    if (phone != null) fields.add("phone number");
    String outcome = "corrected " + String.join(", ", fields) + " in " + changed + " record(s)";
    requests.recordRightOutcome(id, PrivacyRight.RECTIFICATION, "DONE", outcome);
    LOG.info("privacy request {}: rectification applied to {} record(s)", id, changed);
    return outcome;
  }
}
