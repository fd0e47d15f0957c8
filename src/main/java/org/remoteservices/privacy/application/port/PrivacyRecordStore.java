package org.remoteservices.privacy.application.port;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.remoteservices.privacy.api.RetentionCategory;

/** The privacy feature's own records besides the requests: flags, legal holds, retention decisions, the erasure plan, recipient notices and tombstones; implemented in adapter.db. */
public interface PrivacyRecordStore {
  void setFlag(String subjectKey, String flag, String privacyRequestId);

  List<String> flags(String subjectKey);

  record Flag(String flag, Instant setAt) {}

  List<Flag> flagsWithDates(String subjectKey);

  int deleteFlags(String subjectKey);

  /** Removes one standing choice of the subject (an objection overruled, a restriction lifted); returns whether it was set. */
  boolean deleteFlag(String subjectKey, String flag);

  record RestrictionLift(String privacyRequestId, String reason, Instant requestedAt, Instant noticeSentAt, Instant liftAt, Instant liftedAt) {}

  void insertRestrictionLift(String privacyRequestId, String reason, String requestedBy, Instant liftAt);

  java.util.Optional<RestrictionLift> restrictionLift(String privacyRequestId);

  void markLiftNoticeSent(String privacyRequestId);

  void markRestrictionLifted(String privacyRequestId);

  record LegalHold(String jobNumber, RetentionCategory category, String legalBasis, LocalDate holdUntil) {}

  void insertLegalHold(String id, String jobNumber, RetentionCategory category, String legalBasis, LocalDate holdUntil);

  List<LegalHold> activeHolds(List<String> jobNumbers, LocalDate today);

  void retain(String privacyRequestId, RetentionCategory category, String legalBasis, String decidedBy);

  Map<RetentionCategory, String> retained(String privacyRequestId);

  void clearRetention(String privacyRequestId);

  void planItem(String privacyRequestId, String store, String ref);

  List<String> plannedItems(String privacyRequestId, String store);

  void markErased(String privacyRequestId, String store);

  Map<String, Integer> erasedCounts(String privacyRequestId);

  record Notice(String id, String action, String role, String email, Instant notifiedAt) {}

  void insertNotice(String id, String privacyRequestId, String action, String role, String email);

  List<Notice> notices(String privacyRequestId);

  void markNotified(String noticeId);

  record NoticeReceipt(String id, String privacyRequestId, String action, String role, String email, Instant notifiedAt,
      Instant receiptConfirmedAt, Instant remindedAt) {}

  java.util.Optional<NoticeReceipt> notice(String noticeId);

  /** Notices mailed before {@code notifiedBefore}, not confirmed and not yet reminded. */
  List<NoticeReceipt> unansweredNotices(Instant notifiedBefore);

  void markReceiptConfirmed(String noticeId);

  void markReminded(String noticeId);

  record Tombstone(String id, String subjectHash, Instant receivedAt, Instant erasedAt, String erased, String retained, LocalDate backupsAgeOutOn) {}

  void insertTombstone(Tombstone t, String privacyRequestId);

  java.util.Optional<Tombstone> tombstone(String privacyRequestId);

  /** Keeps (or replaces) a provider's receipt for this erasure. */
  void saveReceipt(String privacyRequestId, org.remoteservices.privacy.api.ErasureReceipt receipt);

  /** The receipts of this erasure, in the order the stores were erased. */
  List<org.remoteservices.privacy.api.ErasureReceipt> receipts(String privacyRequestId);
}
