package org.remoteservices.privacy.application.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.remoteservices.privacy.domain.Jurisdiction;
import org.remoteservices.privacy.domain.PrivacyRequest;
import org.remoteservices.privacy.domain.PrivacyRight;
import org.remoteservices.privacy.domain.VerificationLevel;

/** The privacy requests, each right's outcome and the evidence behind them; implemented in adapter.db. */
public interface PrivacyRequestStore {
  record NewRequest(String id, String channel, Jurisdiction jurisdiction, List<PrivacyRight> rights, boolean specificPieces,
      String name, String email, String phone, String jobNumber, String jobLocation, String details, String agentName,
      String agentEmail, VerificationLevel level, Instant receivedAt, Instant ackDueAt, Instant dueAt) {}

  PrivacyRequest insert(NewRequest r);

  Optional<PrivacyRequest> find(String id);

  PrivacyRequest get(String id);

  void updateStatus(String id, String status);

  void markAcknowledged(String id);

  java.util.Optional<Instant> acknowledgedAt(String id);

  void recordVerification(String id, String status, int matched);

  /** Data points the requester gave later (by phone or mail, entered by a privacy officer); only fills gaps. */
  void addDataPoints(String id, String phone, String jobNumber, String jobLocation);

  void confirmAgent(String id);

  void extend(String id, Instant newDue, String reason);

  void markDeadlineMissed(String id);

  void recordMissedReason(String id, String reason);

  void deny(String id, String reason);

  void setDenialReason(String id, String reason);

  void complete(String id);

  void rectify(String id, String name, String email, String phone);

  /** The end of an erasure: the request keeps its dates, rights and decisions, no personal data. */
  void eraseDataPoints(String id);


  record RightOutcome(PrivacyRight right, String status, String outcome, Instant completedAt) {}

  void recordRightOutcome(String id, PrivacyRight right, String status, String outcome);

  List<RightOutcome> rightOutcomes(String id);

  /**
   * The earliest other request of the same requester e-mail (case-insensitive) that is still open (not completed, not
   * denied) and has not yet answered this right: a new request for the same right is linked to it.
   */
  Optional<PrivacyRequest> openRequestWithRight(String email, PrivacyRight right, String excludingId);

  /** This right is answered by the linked earlier request, not run again here. */
  void linkRight(String id, PrivacyRight right, String linkedRequestId, String outcome);

  /** The rights of the request that it runs itself (not linked to an earlier request). */
  List<PrivacyRight> rightsToRun(String id);

  /** The request holds the opt-out parts of a mixed request, split off to run on their own clock. */
  void markSplitFrom(String id, String mainRequestId);

  Optional<String> splitFrom(String id);

  record Evidence(String id, String kind, String method, String fileKey, String sha256, Instant receivedAt) {}

  void insertEvidence(String id, String requestId, String kind, String method, String fileKey, String sha256);

  List<Evidence> evidence(String requestId);

  /** The signed copy's file goes with the subject; its hash and date stay as the record that it existed. */
  void forgetEvidenceFiles(String requestId);

  /** The address we already hold for the subject, where this request is answered (fixed once possession is proven). */
  void setContactOnRecord(String id, String contact);

  /** The person followed the link mailed to the contact on record. */
  void confirmPossession(String id);

  /** A rectified e-mail address waiting for the old address's confirmation (null: none). */
  void setPendingEmail(String id, String email);

  void markRetentionReviewed(String id);

  /** Requests made by the subject: by any of their e-mail keys, or by their phone key. */
  List<String> idsBySubject(java.util.Collection<String> emailKeys, String phoneKey);

  /** Requests in which the subject acted as someone else's agent. */
  List<String> idsAsAgent(java.util.Collection<String> emailKeys);

  /** Forgets the agent of a request (the agent's own data), keeping the requester's. */
  void eraseAgent(String id);
}
