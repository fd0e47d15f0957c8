package org.remoteservices.privacy.domain;

import java.time.Instant;
import java.util.List;

/** A privacy request as stored. The data points are null once the request ended in an erasure. */
public record PrivacyRequest(
    String id, long refSeq, String channel, Jurisdiction jurisdiction, List<PrivacyRight> rights, boolean specificPieces,
    String name, String email, String phone, String jobNumber, String jobLocation, String details,
    String agentName, String agentEmail, Instant agentConfirmedAt,
    VerificationLevel verificationLevel, String verificationStatus, Integer matchedPoints, int verificationRound,
    String status, Instant receivedAt, Instant ackDueAt, Instant originalDueAt, Instant dueAt, String extensionReason,
    boolean deadlineMissed, String denialReason, Instant completedAt) {

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

  /** Where requester mail goes: the agent, if one acts for the subject, else the requester. */
  public String replyTo() {
    return agentEmail != null ? agentEmail : email;
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
