package org.remoteservices.privacy.adapter.db;

import org.remoteservices.privacy.application.port.PrivacyRecordStore;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.remoteservices.privacy.api.ErasureReceipt;
import org.remoteservices.privacy.api.RetentionCategory;
import org.remoteservices.shared.time.TimeSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The privacy feature's own records besides the requests: consent flags, legal holds, retention decisions,
 * the erasure plan, recipient notices and tombstones. None of them holds personal data of the subject.
 */
@Repository
public class PrivacyRecordsRepository implements PrivacyRecordStore {
  private final JdbcClient jdbc;
  private final TimeSource time;

  public PrivacyRecordsRepository(JdbcClient jdbc, TimeSource time) {
    this.jdbc = jdbc;
    this.time = time;
  }

  // ---------------------------------------------------------------- flags

  public void setFlag(String subjectKey, String flag, String privacyRequestId) {
    if (flags(subjectKey).contains(flag)) {
      return;
    }
    jdbc.sql("insert into privacy_subject_flag (subject_key, flag, privacy_request_id, set_at) values (?, ?, ?, ?)")
        .params(subjectKey, flag, privacyRequestId, Timestamp.from(time.now())).update();
  }

  public List<String> flags(String subjectKey) {
    return jdbc.sql("select flag from privacy_subject_flag where subject_key = ? order by flag").param(subjectKey).query(String.class).list();
  }

  public List<Flag> flagsWithDates(String subjectKey) {
    return jdbc.sql("select flag, set_at from privacy_subject_flag where subject_key = ? order by flag").param(subjectKey)
        .query((rs, n) -> new Flag(rs.getString(1), rs.getTimestamp(2).toInstant())).list();
  }

  public boolean deleteFlag(String subjectKey, String flag) {
    return jdbc.sql("delete from privacy_subject_flag where subject_key = ? and flag = ?").params(subjectKey, flag).update() > 0;
  }

  public void insertRestrictionLift(String privacyRequestId, String reason, String requestedBy, Instant liftAt) {
    jdbc.sql("insert into privacy_restriction_lift (privacy_request_id, reason, requested_by, requested_at, lift_at) values (?, ?, ?, ?, ?)")
        .params(privacyRequestId, reason, requestedBy, Timestamp.from(time.now()), Timestamp.from(liftAt)).update();
  }

  public java.util.Optional<RestrictionLift> restrictionLift(String privacyRequestId) {
    return jdbc.sql("select reason, requested_at, notice_sent_at, lift_at, lifted_at from privacy_restriction_lift where privacy_request_id = ?")
        .param(privacyRequestId)
        .query((rs, n) -> new RestrictionLift(privacyRequestId, rs.getString(1), ts(rs.getTimestamp(2)), ts(rs.getTimestamp(3)),
            ts(rs.getTimestamp(4)), ts(rs.getTimestamp(5))))
        .optional();
  }

  public void markLiftNoticeSent(String privacyRequestId) {
    jdbc.sql("update privacy_restriction_lift set notice_sent_at = coalesce(notice_sent_at, ?) where privacy_request_id = ?")
        .params(Timestamp.from(time.now()), privacyRequestId).update();
  }

  public void markRestrictionLifted(String privacyRequestId) {
    jdbc.sql("update privacy_restriction_lift set lifted_at = coalesce(lifted_at, ?) where privacy_request_id = ?")
        .params(Timestamp.from(time.now()), privacyRequestId).update();
  }

  private static Instant ts(Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  public int deleteFlags(String subjectKey) {
    return jdbc.sql("delete from privacy_subject_flag where subject_key = ?").param(subjectKey).update();
  }

  // ---------------------------------------------------------------- legal holds and retention

  public void insertLegalHold(String id, String jobNumber, RetentionCategory category, String legalBasis, LocalDate holdUntil) {
    jdbc.sql("insert into privacy_legal_hold (id, job_number, category, legal_basis, hold_until, created_at) values (?, ?, ?, ?, ?, ?)")
        .params(id, jobNumber, category.name(), legalBasis, holdUntil, Timestamp.from(time.now())).update();
  }

  public List<LegalHold> activeHolds(List<String> jobNumbers, LocalDate today) {
    if (jobNumbers.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("select job_number, category, legal_basis, hold_until from privacy_legal_hold where job_number in (:jobs) and (hold_until is null or hold_until >= :today)")
        .param("jobs", jobNumbers).param("today", today)
        .query((rs, n) -> new LegalHold(rs.getString(1), RetentionCategory.valueOf(rs.getString(2)), rs.getString(3), rs.getObject(4, LocalDate.class)))
        .list();
  }

  public void retain(String privacyRequestId, RetentionCategory category, String legalBasis, String decidedBy) {
    jdbc.sql("insert into privacy_retention (privacy_request_id, category, legal_basis, decided_by, decided_at) values (?, ?, ?, ?, ?)")
        .params(privacyRequestId, category.name(), legalBasis, decidedBy, Timestamp.from(time.now())).update();
  }

  public Map<RetentionCategory, String> retained(String privacyRequestId) {
    Map<RetentionCategory, String> out = new LinkedHashMap<>();
    jdbc.sql("select category, legal_basis from privacy_retention where privacy_request_id = ? order by category").param(privacyRequestId)
        .query(rs -> {
          out.put(RetentionCategory.valueOf(rs.getString(1)), rs.getString(2));
        });
    return out;
  }

  public void clearRetention(String privacyRequestId) {
    jdbc.sql("delete from privacy_retention where privacy_request_id = ?").param(privacyRequestId).update();
  }

  // ---------------------------------------------------------------- erasure plan

  public void planItem(String privacyRequestId, String store, String ref) {
    boolean planned = jdbc.sql("select count(*) from privacy_erasure_item where privacy_request_id = ? and store = ? and item_ref = ?")
        .params(privacyRequestId, store, ref).query(Integer.class).single() > 0;
    if (!planned) {
      jdbc.sql("insert into privacy_erasure_item (privacy_request_id, store, item_ref) values (?, ?, ?)").params(privacyRequestId, store, ref).update();
    }
  }

  public List<String> plannedItems(String privacyRequestId, String store) {
    return jdbc.sql("select item_ref from privacy_erasure_item where privacy_request_id = ? and store = ? order by item_ref")
        .params(privacyRequestId, store).query(String.class).list();
  }

  public void markErased(String privacyRequestId, String store) {
    jdbc.sql("update privacy_erasure_item set erased_at = ? where privacy_request_id = ? and store = ? and erased_at is null")
        .params(Timestamp.from(time.now()), privacyRequestId, store).update();
  }

  public Map<String, Integer> erasedCounts(String privacyRequestId) {
    Map<String, Integer> out = new LinkedHashMap<>();
    jdbc.sql("select store, count(*) from privacy_erasure_item where privacy_request_id = ? and erased_at is not null group by store order by store")
        .param(privacyRequestId).query(rs -> {
          out.put(rs.getString(1), rs.getInt(2));
        });
    return out;
  }

  // ---------------------------------------------------------------- recipients

  public void insertNotice(String id, String privacyRequestId, String action, String role, String email) {
    jdbc.sql("insert into privacy_recipient_notice (id, privacy_request_id, action, recipient_role, recipient_email) values (?, ?, ?, ?, ?)")
        .params(id, privacyRequestId, action, role, email).update();
  }

  public List<Notice> notices(String privacyRequestId) {
    return jdbc.sql("select id, action, recipient_role, recipient_email, notified_at from privacy_recipient_notice where privacy_request_id = ? order by action, recipient_role, recipient_email")
        .param(privacyRequestId)
        .query((rs, n) -> new Notice(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant()))
        .list();
  }

  private static final String NOTICE_COLUMNS =
      "id, privacy_request_id, action, recipient_role, recipient_email, notified_at, receipt_confirmed_at, reminded_at";

  public java.util.Optional<NoticeReceipt> notice(String noticeId) {
    return jdbc.sql("select " + NOTICE_COLUMNS + " from privacy_recipient_notice where id = ?").param(noticeId)
        .query(PrivacyRecordsRepository::noticeReceipt).optional();
  }

  public List<NoticeReceipt> unansweredNotices(Instant notifiedBefore) {
    return jdbc.sql("select " + NOTICE_COLUMNS + " from privacy_recipient_notice where notified_at < ? and receipt_confirmed_at is null"
            + " and reminded_at is null order by notified_at, id")
        .param(Timestamp.from(notifiedBefore)).query(PrivacyRecordsRepository::noticeReceipt).list();
  }

  public void markReceiptConfirmed(String noticeId) {
    jdbc.sql("update privacy_recipient_notice set receipt_confirmed_at = coalesce(receipt_confirmed_at, ?) where id = ?")
        .params(Timestamp.from(time.now()), noticeId).update();
  }

  public void markReminded(String noticeId) {
    jdbc.sql("update privacy_recipient_notice set reminded_at = ? where id = ?").params(Timestamp.from(time.now()), noticeId).update();
  }

  private static NoticeReceipt noticeReceipt(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new NoticeReceipt(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), ts(rs.getTimestamp(6)),
        ts(rs.getTimestamp(7)), ts(rs.getTimestamp(8)));
  }

  public void markNotified(String noticeId) {
    jdbc.sql("update privacy_recipient_notice set notified_at = ? where id = ?").params(Timestamp.from(time.now()), noticeId).update();
  }

  // ---------------------------------------------------------------- tombstones

  public void insertTombstone(Tombstone t, String privacyRequestId) {
    jdbc.sql("""
            insert into erasure_tombstone (id, privacy_request_id, subject_hash, request_received_at, erased_at, erased_categories,
              retained_categories, backups_age_out_on) values (?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(t.id(), privacyRequestId, t.subjectHash(), Timestamp.from(t.receivedAt()), Timestamp.from(t.erasedAt()), t.erased(),
            t.retained(), t.backupsAgeOutOn())
        .update();
  }

  public java.util.Optional<Tombstone> tombstone(String privacyRequestId) {
    return jdbc.sql("select id, subject_hash, request_received_at, erased_at, erased_categories, retained_categories, backups_age_out_on from erasure_tombstone where privacy_request_id = ?")
        .param(privacyRequestId)
        .query((rs, n) -> new Tombstone(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant(),
            rs.getString(5), rs.getString(6), rs.getObject(7, LocalDate.class)))
        .optional();
  }

  // ---------------------------------------------------------------- receipts

  @Override
  public void saveReceipt(String privacyRequestId, ErasureReceipt receipt) {
    jdbc.sql("delete from privacy_erasure_receipt where privacy_request_id = ? and store = ?").params(privacyRequestId, receipt.store()).update();
    jdbc.sql("insert into privacy_erasure_receipt (privacy_request_id, store, erased, kept, recorded_at) values (?, ?, ?, ?, ?)")
        .params(privacyRequestId, receipt.store(), encode(new java.util.TreeMap<>(receipt.erased())),
            receipt.kept().isEmpty() ? null : encode(new java.util.TreeMap<>(receipt.kept())), Timestamp.from(time.now()))
        .update();
  }

  @Override
  public List<ErasureReceipt> receipts(String privacyRequestId) {
    return jdbc.sql("select store, erased, kept from privacy_erasure_receipt where privacy_request_id = ? order by recorded_at, store")
        .param(privacyRequestId)
        .query((rs, n) -> new ErasureReceipt(rs.getString(1),
            decode(rs.getString(2)).entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> Integer.valueOf(e.getValue()))),
            decode(rs.getString(3))))
        .list();
  }

  /** Key=value lines; the keys and values are codes and sentences without line breaks. */
  private static String encode(Map<String, ?> map) {
    StringBuilder out = new StringBuilder();
    map.forEach((k, v) -> out.append(k.replace('\n', ' ').replace('=', '-')).append('=').append(String.valueOf(v).replace('\n', ' ')).append('\n'));
    return out.toString();
  }

  private static Map<String, String> decode(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    if (text != null) {
      for (String line : text.split("\n")) {
        int eq = line.indexOf('=');
        if (eq > 0) {
          out.put(line.substring(0, eq), line.substring(eq + 1));
        }
      }
    }
    return out;
  }
}
