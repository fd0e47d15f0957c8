package org.remoteservices.privacy.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.remoteservices.privacy.application.port.PrivacyRequestStore;
import org.remoteservices.privacy.domain.PrivacyRequest;
import org.remoteservices.privacy.domain.VerificationLevel;
import org.remoteservices.shared.mail.OutgoingMail;
import org.remoteservices.shared.pdf.PdfFiles;
import org.remoteservices.shared.time.TimeSource;
import org.remoteservices.shared.tokens.AccessTokens;
import org.remoteservices.shared.tokens.PublicLinks;
import org.remoteservices.shared.tokens.TokenPurpose;
import org.remoteservices.shared.error.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Identity verification: automatic matching against our records, what is still missing (a signed declaration
 * where the request needs heightened verification, an agent's signed permission plus the requester's own
 * confirmation, both taken in by {@link EvidenceIntakeService}), the privacy officer's review, and the denial of
 * what cannot be verified. {@link #requireVerified} is the guard
 * every right's execution calls: a token moved past verification in Cockpit still executes nothing.
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
  private final TimeSource time;

  public VerificationService(PrivacyRequestStore requests, SubjectService subjects, PrivacyMails mails, AccessTokens tokens,
      PrivacyPolicy policy, PublicLinks links, TimeSource time) {
    this.requests = requests;
    this.subjects = subjects;
    this.mails = mails;
    this.tokens = tokens;
    this.policy = policy;
    this.links = links;
    this.time = time;
  }

  /** What is still missing before the request counts as verified (empty: verified). */
  public List<String> missing(PrivacyRequest request) {
    List<String> missing = new ArrayList<>();
    if (request.verificationLevel() == VerificationLevel.NONE) {
      return missing;
    }
    SubjectService.Subject match = subjects.match(request);
    if (match.matchedPoints() < request.verificationLevel().requiredMatches()) {
      missing.add("details matching our records (" + match.matchedPoints() + " of the " + request.verificationLevel().requiredMatches()
          + " needed: name, email, phone, job number, job location)");
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
    List<String> missing = missing(request);
    requests.recordVerification(id, missing.isEmpty() ? "VERIFIED" : "INSUFFICIENT", match.matchedPoints());
    requests.updateStatus(id, missing.isEmpty() ? "IN_PROGRESS" : "VERIFYING");
    LOG.info("privacy request {} identity check: {} data point(s) matched, {}", id, match.matchedPoints(),
        missing.isEmpty() ? "verified" : missing.size() + " item(s) missing");
    return missing.isEmpty();
  }

  /** The guard of every right that needs verification. */
  public void requireVerified(PrivacyRequest request) {
    if (request.verificationLevel() != VerificationLevel.NONE && !"VERIFIED".equals(request.verificationStatus())) {
      throw new IllegalStateException("privacy request " + request.id() + " is not verified; no right is executed before verification");
    }
  }

  /** Asks for what is missing; links for a declaration or the agent's permission; the requester's confirmation to their own address. */
  @Transactional
  public void mailMoreInformationRequest(String id) {
    PrivacyRequest request = requests.get(id);
    List<String> missing = missing(request);
    Instant linkExpiry = time.now().plus(policy.evidenceLinkValidity());
    List<String> kinds = requests.evidence(id).stream().map(PrivacyRequestStore.Evidence::kind).toList();
    mails.send(request, "more-information:" + request.verificationRound(), () -> {
      StringBuilder body = new StringBuilder(PrivacyMails.greeting(request)).append("\n\n")
          .append("before we can act on your privacy request ").append(request.reference())
          .append(", we need to be sure who is asking. We are still missing:\n");
      missing.forEach(m -> body.append("- ").append(m).append('\n'));
      body.append("\nPlease reply to this mail or call us with further details (phone number, job number, job location) as they "
          + "appear in your remote support requests.\n");
      if (request.verificationLevel() == VerificationLevel.HEIGHTENED && !kinds.contains(DECLARATION)) {
        body.append("\nSign the declaration of identity online or upload it signed: ")
            .append(links.link("/portal/privacy/declaration/" + tokens.issue(TokenPurpose.PRIVACY_DECLARATION, id, linkExpiry))).append('\n');
      }
      if (request.hasAgent() && !kinds.contains(AGENT_PERMISSION)) {
        body.append("\nUpload the requester's signed permission for you to act for them (PDF): ")
            .append(links.link("/portal/privacy/agent-permission/" + tokens.issue(TokenPurpose.AGENT_PERMISSION, id, linkExpiry))).append('\n');
      }
      body.append("\nIf we cannot verify your identity by ").append(PrivacyMails.deadlineDay(request.dueAt()))
          .append(", we will have to deny the request.\n\nRemote Services · Data Privacy\n");
      return new OutgoingMail(null, List.of(request.replyTo()), "We need more information to verify your privacy request (" + request.reference() + ")",
          body.toString(), List.of());
    });
    SubjectService.Subject match = subjects.match(request);
    if (request.hasAgent() && request.agentConfirmedAt() == null && match.emailOnRecord() != null) {
      // to the requester's own address on record, never to an address the agent gave
      mails.send(request, "agent-confirmation", () -> new OutgoingMail(null, List.of(match.emailOnRecord()),
          "Please confirm: someone asks about your personal data on your behalf (" + request.reference() + ")",
          """
          Hello,

          %s says they act for you in a privacy request (%s) to Remote Services. If you asked them to, please confirm:

            %s

          If you did not, ignore this mail: nothing happens without your confirmation.

          Remote Services · Data Privacy
          """.formatted(request.agentName() == null ? "An authorized agent" : request.agentName(), PrivacyRequestService.labels(request.rights()),
              links.link("/portal/privacy/confirmation/" + tokens.issue(TokenPurpose.AGENT_CONFIRMATION, id, linkExpiry))),
          List.of()));
    }
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

  /** Denies the request: the reason (the officer's, or "not verified in time") and the right to complain, mailed. */
  @Transactional
  public void deny(String id) {
    PrivacyRequest before = requests.get(id);
    requests.deny(id, "We could not verify your identity before the deadline with the information we received, so we cannot "
        + "act on the request without risking someone else's data.");
    PrivacyRequest request = requests.get(id);
    mails.send(request, "denial", PrivacyRequestService.recipients(request), "We cannot act on your privacy request",
        """
        %s

        we are sorry: we cannot act on your privacy request of %s (%s).

        Why: %s

        You are welcome to make a new request with further details at any time.
        %s""".formatted(PrivacyMails.greeting(request), PrivacyMails.day(request.receivedAt()), PrivacyRequestService.labels(request.rights()),
            request.denialReason(), policy.supervisoryAuthority()),
        List.of());
    LOG.info("privacy request {} denied (was {})", id, before.status());
  }
}
