package org.remoteservices.privacy.domain;

import java.time.Instant;
import java.util.List;

/**
 * A privacy request as stored. The data points are null once the request ended in an erasure.
 *
 * <p>{@code contactOnRecord} is the address we already held for the subject (from their own records) that this
 * request is answered at; {@code possessionConfirmedAt} is when the person proved they hold it (they followed the
 * link we mailed there). Nothing with personal data is ever sent to an address only the requester typed.
 */
public record PrivacyRequest(
    String id, long refSeq, String channel, Jurisdiction jurisdiction, List<PrivacyRight> rights, boolean specificPieces,
    String name, String email, String phone, String jobNumber, String jobLocation, String details,
    String agentName, String agentEmail, Instant agentConfirmedAt,
    VerificationLevel verificationLevel, String verificationStatus, Integer matchedPoints, int verificationRound,
    String status, Instant receivedAt, Instant ackDueAt, Instant originalDueAt, Instant dueAt, String extensionReason,
    boolean deadlineMissed, String denialReason, Instant completedAt,
    String contactOnRecord, Instant possessionConfirmedAt, String pendingEmail, Instant retentionReviewedAt) {

  public String reference() {
    return referenceOf(refSeq);
  }

  public static String referenceOf(long refSeq) {
    return String.format("PR-%06d", refSeq);
  }

  public boolean hasAgent() {
    return agentEmail != null || agentName != null;
  }

  public boolean extended() {
    return extensionReason != null;
  }

  public boolean asks(PrivacyRight right) {
    return rights.contains(right);
  }

  /**
   * Where mail that reveals nothing goes (acknowledgement, what we still need, a denial): the agent, if one acts for
   * the subject, else the address the requester gave. Never used for anything with personal data.
   */
  public String replyTo() {
    return agentEmail != null ? agentEmail : email;
  }

  /** The person proved they hold the contact on record. */
  public boolean possessionConfirmed() {
    return possessionConfirmedAt != null && contactOnRecord != null;
  }

  public static VerificationLevel levelFor(List<PrivacyRight> rights, boolean specificPieces) {
    if (rights.stream().noneMatch(PrivacyRight::needsVerification)) {
      return VerificationLevel.NONE;
    }
    if (specificPieces || rights.stream().anyMatch(PrivacyRight::heightened)) {
      return VerificationLevel.HEIGHTENED;
    }
    return VerificationLevel.STANDARD;
  }
}
