package org.remoteservices.privacy.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.remoteservices.privacy.application.port.PrivacyRequestStore;
import org.remoteservices.privacy.domain.PrivacyRequest;
import org.remoteservices.privacy.domain.VerificationLevel;
import org.remoteservices.shared.error.DomainException;
import org.remoteservices.shared.mail.OutgoingMail;
import org.remoteservices.shared.time.TimeSource;
import org.remoteservices.shared.tokens.AccessTokens;
import org.remoteservices.shared.tokens.PublicLinks;
import org.remoteservices.shared.tokens.TokenPurpose;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Identity verification that proves possession (docs/privacy.md "Verification"). What a stranger can type (a name,
 * a phone number, a job number) is not proof; holding the contact on record is. So a request is verified only
 * when the person followed a link mailed to the e-mail address we already held for them (the possession factor,
 * one of the data points), plus enough matching data points for the level, plus a signed declaration for
 * heightened verification and, for an agent, the person's own confirmation at that address. Every mail that
 * goes to an address only the requester typed reveals nothing about what we hold.
 *
 * <p>{@link #requireVerified} is the guard every right's execution calls: a token moved past verification in
 * Cockpit still executes nothing.
 */
@Service
public class VerificationService {
  private static final Logger LOG = LoggerFactory.getLogger(VerificationService.class);
  public static final String DECLARATION = "DECLARATION";
  public static final String AGENT_PERMISSION = "AGENT_PERMISSION";

  private final PrivacyRequestStore requests;
  private final SubjectService subjects;
  private final PrivacyMails mails;
  private final AccessTokens tokens;
  private final PrivacyPolicy policy;
  private final PublicLinks links;
  private final DeadlineService deadlines;
  private final TimeSource time;

  public VerificationService(PrivacyRequestStore requests, SubjectService subjects, PrivacyMails mails, AccessTokens tokens,
      PrivacyPolicy policy, PublicLinks links, DeadlineService deadlines, TimeSource time) {
    this.requests = requests;
    this.subjects = subjects;
    this.mails = mails;
    this.tokens = tokens;
    this.policy = policy;
    this.links = links;
    this.deadlines = deadlines;
    this.time = time;
  }

  /** What is still missing before the request counts as verified (empty: verified). For staff only: it reveals the match. */
  public List<String> missing(PrivacyRequest request) {
    return request.verificationLevel() == VerificationLevel.NONE ? List.of() : missing(request, subjects.match(request));
  }

  private List<String> missing(PrivacyRequest request, SubjectService.Subject match) {
    List<String> missing = new ArrayList<>();
    if (request.verificationLevel() == VerificationLevel.NONE) {
      return missing;
    }
    if (!match.known() || match.emailOnRecord() == null) {
      missing.add("records of the person: no support request matches the e-mail address, or the name and phone together");
      return missing;
    }
    boolean possession = request.possessionConfirmed() && sameAddress(request.contactOnRecord(), match.emailOnRecord());
    int points = match.matchedPoints() + (possession ? 1 : 0);
    int needed = request.verificationLevel().requiredMatches();
    if (!possession) {
      missing.add("the person's confirmation through the link mailed to the address on record");
    }
    if (points < needed) {
      missing.add("details matching our records (" + points + " of the " + needed
          + " needed, the confirmation at the address on record being one: name, email, phone, job number, job location)");
    }
    List<String> kinds = requests.evidence(request.id()).stream().map(PrivacyRequestStore.Evidence::kind).toList();
    if (request.verificationLevel() == VerificationLevel.HEIGHTENED && !kinds.contains(DECLARATION)) {
      missing.add("a signed declaration of identity");
    }
    if (request.hasAgent() && !kinds.contains(AGENT_PERMISSION)) {
      missing.add("the requester's signed permission for the agent");
    }
    if (request.hasAgent() && request.agentConfirmedAt() == null) {
      missing.add("the requester's own confirmation that the agent acts for them");
    }
    return missing;
  }

  /** Matches the request against our records and records the outcome; true if verified. */
  @Transactional
  public boolean check(String id) {
    PrivacyRequest request = requests.get(id);
    SubjectService.Subject match = subjects.match(request);
    if (request.verificationLevel() != VerificationLevel.NONE && match.emailOnRecord() != null && !request.possessionConfirmed()) {
      requests.setContactOnRecord(id, match.emailOnRecord()); // where the confirmation link goes, and later every answer
      request = requests.get(id);
    }
    List<String> missing = missing(request, match);
    requests.recordVerification(id, missing.isEmpty() ? "VERIFIED" : "INSUFFICIENT", match.matchedPoints() + (request.possessionConfirmed() ? 1 : 0));
    requests.updateStatus(id, missing.isEmpty() ? "IN_PROGRESS" : "VERIFYING");
    LOG.info("privacy request {} identity check: {} data point(s) matched, possession {}, {}", id, match.matchedPoints(),
        request.possessionConfirmed() ? "confirmed" : "not confirmed", missing.isEmpty() ? "verified" : missing.size() + " item(s) missing");
    return missing.isEmpty();
  }

  /** The guard of every right that needs verification. */
  public void requireVerified(PrivacyRequest request) {
    if (request.verificationLevel() != VerificationLevel.NONE
        && (!"VERIFIED".equals(request.verificationStatus()) || !request.possessionConfirmed())) {
      throw new IllegalStateException("privacy request " + request.id() + " is not verified; no right is executed before verification");
    }
  }

  /**
   * Where an answer with personal data may go: the contact on record the person proved they hold. Requests that
   * need no verification (opt-outs) carry no personal data in their answers and go where they came from.
   */
  public List<String> answerRecipients(PrivacyRequest request) {
    if (request.verificationLevel() == VerificationLevel.NONE) {
      return PrivacyRequestService.recipients(request);
    }
    requireVerified(request);
    return List.of(request.contactOnRecord());
  }

  /**
   * Asks for what is missing. To the address the requester typed: a mail that reveals nothing about what we hold.
   * To the address on record, if we hold one: the confirmation link (and the declaration link where heightened
   * verification needs one, and the agent confirmation), so only the person who holds that address can go on.
   */
  @Transactional
  public void mailMoreInformationRequest(String id) {
    PrivacyRequest request = requests.get(id);
    Instant linkExpiry = time.now().plus(policy.evidenceLinkValidity());
    List<String> kinds = requests.evidence(id).stream().map(PrivacyRequestStore.Evidence::kind).toList();
    int round = request.verificationRound(); // what the typed address is told comes once per round of checks
    mails.send(request, "more-information:" + round, () -> {
      String agentPermissionLink = request.hasAgent() && !kinds.contains(AGENT_PERMISSION)
          ? links.link("/portal/privacy/agent-permission/" + tokens.issue(TokenPurpose.AGENT_PERMISSION, id, linkExpiry))
          : null;
      return PrivacyMails.fromTemplate(List.of(request.replyTo()), "Your privacy request " + request.reference(), "more-information",
          PrivacyMails.values("greeting", PrivacyMails.greeting(request), "reference", request.reference(),
              "agentPermissionLink", agentPermissionLink, "deadline", PrivacyMails.deadlineDay(request.dueAt())),
          List.of());
    });
    if (request.contactOnRecord() == null) {
      LOG.info("privacy request {}: no contact on record to confirm at", id);
      return;
    }
    // to the address on record, never to one the requester gave
    boolean needsPossession = !request.possessionConfirmed();
    boolean needsDeclaration = request.verificationLevel() == VerificationLevel.HEIGHTENED && !kinds.contains(DECLARATION);
    boolean needsAgentConfirmation = request.hasAgent() && request.agentConfirmedAt() == null;
    if (!needsPossession && !needsDeclaration && !needsAgentConfirmation) {
      return;
    }
    mails.send(request, "confirm-at-record", () -> {
      String confirmLink = needsAgentConfirmation
          ? links.link("/portal/privacy/confirmation/" + tokens.issue(TokenPurpose.AGENT_CONFIRMATION, id, linkExpiry))
          : links.link("/portal/privacy/identity/" + tokens.issue(TokenPurpose.POSSESSION, id, linkExpiry));
      String declarationLink = needsDeclaration
          ? links.link("/portal/privacy/declaration/" + tokens.issue(TokenPurpose.PRIVACY_DECLARATION, id, linkExpiry))
          : null;
      String agent = request.hasAgent() ? (request.agentName() == null ? "An authorized agent" : request.agentName()) : null;
      return PrivacyMails.fromTemplate(List.of(request.contactOnRecord()),
          "Please confirm: a privacy request about your data (" + request.reference() + ")", "confirm-at-record",
          PrivacyMails.values("agent", agent, "reference", request.reference(), "rights", PrivacyRequestService.labels(request.rights()),
              "confirmLink", confirmLink, "declarationLink", declarationLink),
          List.of());
    });
  }

  // ---------------------------------------------------------------- officer review and denial

  /** The privacy officer adds data points the requester gave by phone or mail (before a recheck). */
  @Transactional
  public void addDataPoints(String id, String phone, String jobNumber, String jobLocation) {
    requests.addDataPoints(id, phone, jobNumber, jobLocation);
  }

  @Transactional
  public void recordDenialReason(String id, String reason) {
    requests.setDenialReason(id, reason);
  }

  /**
   * Denies the request: the reason (the officer's, or "not verified in time") and the right to complain, mailed,
   * revealing nothing about what we hold. Refused before the verification deadline unless a privacy officer decided
   * to deny with a reason: moving a token to the denial in Cockpit cannot end someone's request early.
   */
  @Transactional
  public void deny(String id) {
    PrivacyRequest before = requests.get(id);
    if (before.denialReason() == null && time.now().isBefore(deadlines.verificationDeadline(id))) {
      throw DomainException.conflict("privacy request " + before.reference() + " cannot be denied before its verification deadline "
          + "unless a privacy officer decides so with a reason");
    }
    requests.deny(id, "We could not confirm the request through the contact details we hold before the deadline, so we cannot "
        + "act on it without risking someone else's data.");
    PrivacyRequest request = requests.get(id);
    mails.send(request, "denial", PrivacyRequestService.recipients(request), "We cannot act on your privacy request", "denial",
        java.util.Map.of("received", PrivacyMails.day(request.receivedAt()), "rights", PrivacyRequestService.labels(request.rights()),
            "reason", String.valueOf(request.denialReason()), "authority", policy.supervisoryAuthority()),
        List.of());
    LOG.info("privacy request {} denied (was {})", id, before.status());
  }

  private static boolean sameAddress(String a, String b) {
    return a != null && b != null && a.strip().equalsIgnoreCase(b.strip());
  }
}
