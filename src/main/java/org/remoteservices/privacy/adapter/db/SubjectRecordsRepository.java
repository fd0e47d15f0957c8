package org.remoteservices.privacy.adapter.db;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.remoteservices.shared.lookup.LookupKeys;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The remote-support records about a data subject, read for matching, access and portability, and erased.
 * Everything is addressed by support request ids; the privacy feature reads the support tables directly
 * because an erasure must reach every row, including ones the support use cases never read back.
 */
@Repository
public class SubjectRecordsRepository {
  private final JdbcClient jdbc;

  public SubjectRecordsRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A support request with the data points a privacy request is matched against. */
  public record Candidate(String supportRequestId, long caseSeq, String jobNumber, String name, String email, String phone, String jobLocation) {}

  /**
   * The support requests that can belong to the subject: a request is the subject's when its e-mail matches, or its name
   * and phone both do (SubjectService), so only those with the same e-mail or the same phone can; both are index lookups
   * on the normalised keys. Name, job number and location are compared on these candidates only.
   */
  public List<Candidate> candidates(String email, String phone) {
    String emailKey = LookupKeys.email(email);
    String phoneKey = LookupKeys.phone(phone);
    if (emailKey == null && phoneKey == null) {
      return List.of();
    }
    return jdbc.sql("""
            select s.id, s.case_seq, s.job_number, s.requester_name, s.requester_email, s.requester_phone, j.location_address
            from support_request s join job j on j.job_number = s.job_number
            where s.requester_email_key = :email
            union
            select s.id, s.case_seq, s.job_number, s.requester_name, s.requester_email, s.requester_phone, j.location_address
            from support_request s join job j on j.job_number = s.job_number
            where s.requester_phone_key = :phone""")
        .param("email", emailKey == null ? "-" : emailKey)
        .param("phone", phoneKey == null ? "-" : phoneKey)
        .query((rs, n) -> new Candidate(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)))
        .list();
  }

  /** The data held about the subject, per category, as rows of column name to value (for access and portability). */
  public Map<String, List<Map<String, Object>>> collect(Collection<String> supportRequestIds, String email) {
    Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
    List<String> ids = supportRequestIds.isEmpty() ? List.of("-") : List.copyOf(supportRequestIds);
    out.put("support_requests", rows("""
        select case_seq, job_number, requester_name, requester_email, requester_phone, status, created_at
        from support_request where id in (:ids) order by created_at""", ids));
    out.put("rssv_forms", rows("""
        select s.case_seq, f.reference_code, f.status, f.created_at from rssv_form f join support_request s on s.id = f.support_request_id
        where f.support_request_id in (:ids) order by f.created_at""", ids));
    out.put("rssv_returns", rows("""
        select s.case_seq, r.method, r.signer_name, r.returned_at, r.decision, r.rejection_reason from rssv_return r
        join rssv_form f on f.id = r.rssv_form_id join support_request s on s.id = f.support_request_id
        where f.support_request_id in (:ids) order by r.returned_at""", ids));
    out.put("sessions", rows("""
        select s.case_seq, r.scheduled_start, r.started_at, r.ended_at, r.resolved, r.follow_up, r.notes, r.status
        from remote_session r join support_request s on s.id = r.support_request_id where r.support_request_id in (:ids)
        order by r.scheduled_start""", ids));
    out.put("recordings", rows("""
        select s.case_seq, r.kind, r.external_ref, r.size_bytes, r.destroy_after, r.destroyed_at from recording r
        join support_request s on s.id = r.support_request_id where r.support_request_id in (:ids) order by r.created_at""", ids));
    out.put("support_files", rows("""
        select s.case_seq, f.category, f.size_bytes, f.collected_at, f.retain_until from support_file f
        join support_request s on s.id = f.support_request_id where f.support_request_id in (:ids) order by f.collected_at, f.category""", ids));
    out.put("work_orders", rows("""
        select s.case_seq, w.summary, w.actions_taken, w.recommendations, w.created_at, w.sent_at from work_order w
        join support_request s on s.id = w.support_request_id where w.support_request_id in (:ids) order by w.created_at""", ids));
    out.put("surveys", rows("""
        select s.case_seq, v.status, v.rating, v.comment_text, v.answered_at from survey v
        join support_request s on s.id = v.support_request_id where v.support_request_id in (:ids) order by v.created_at""", ids));
    out.put("mails_on_record", jdbc.sql("""
        select created_at, sent_at, recipients, subject from mail_record where id in (
          select id from mail_record where support_request_id in (:ids) union select mail_record_id from mail_recipient where email_key = :email)
        order by created_at""")
        .param("ids", ids).param("email", emailKey(email)).query().listOfRows().stream().map(SubjectRecordsRepository::normalise).toList());
    return out;
  }

  /** Who the subject's data went to: the contacts of each job that received a work order. */
  public record JobRecipients(String jobNumber, String siteName, String siteEmail, String schedulingName, String schedulingEmail) {}

  public List<JobRecipients> workOrderRecipients(Collection<String> supportRequestIds) {
    if (supportRequestIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("""
            select distinct j.job_number, j.site_contact_name, j.site_contact_email, j.scheduling_contact_name, j.scheduling_contact_email
            from work_order w join support_request s on s.id = w.support_request_id join job j on j.job_number = s.job_number
            where w.support_request_id in (:ids) and w.sent_at is not null order by j.job_number""")
        .param("ids", List.copyOf(supportRequestIds))
        .query((rs, n) -> new JobRecipients(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
        .list();
  }

  public List<String> caseNumbers(Collection<String> supportRequestIds) {
    if (supportRequestIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("select case_seq from support_request where id in (:ids) order by case_seq").param("ids", List.copyOf(supportRequestIds))
        .query(Long.class).list().stream().map(seq -> String.format("RS-%06d", seq)).toList();
  }

  // ---------------------------------------------------------------- inventory (ids and keys only)

  public List<String> ids(String sql, Collection<String> supportRequestIds) {
    if (supportRequestIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(sql).param("ids", List.copyOf(supportRequestIds)).query(String.class).list().stream()
        .filter(java.util.Objects::nonNull).toList();
  }

  public List<String> mailIds(Collection<String> supportRequestIds, String email) {
    List<String> ids = supportRequestIds.isEmpty() ? List.of("-") : List.copyOf(supportRequestIds);
    return jdbc.sql("""
            select id from mail_record where support_request_id in (:ids)
            union select mail_record_id from mail_recipient where email_key = :email""")
        .param("ids", ids).param("email", emailKey(email)).query(String.class).list();
  }

  public List<String> mailIdsByKeyPrefix(String prefix) {
    return jdbc.sql("select id from mail_record where idempotency_key like ?").param(prefix + "%").query(String.class).list();
  }

  public List<String> mailAttachmentKeys(Collection<String> mailIds) {
    if (mailIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("select file_key from mail_attachment where mail_record_id in (:ids)").param("ids", List.copyOf(mailIds))
        .query(String.class).list();
  }

  /** Jobs the subject asked about and nobody else did: their location is the subject's to erase. */
  public List<String> jobsOnlyRequestedBy(Collection<String> supportRequestIds) {
    if (supportRequestIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("""
            select distinct s.job_number from support_request s where s.id in (:ids)
            and not exists (select 1 from support_request o where o.job_number = s.job_number and o.id not in (:ids))""")
        .param("ids", List.copyOf(supportRequestIds)).query(String.class).list();
  }

  // ---------------------------------------------------------------- erasure

  public int deleteMails(Collection<String> mailIds) {
    if (mailIds.isEmpty()) {
      return 0;
    }
    List<String> ids = List.copyOf(mailIds);
    jdbc.sql("delete from mail_attachment where mail_record_id in (:ids)").param("ids", ids).update();
    jdbc.sql("delete from mail_recipient where mail_record_id in (:ids)").param("ids", ids).update();
    return jdbc.sql("delete from mail_record where id in (:ids)").param("ids", ids).update();
  }

  /** Deletes the rows of one table for the given support requests (table and column come from code, never input). */
  public int deleteWhere(String table, String column, Collection<String> values) {
    if (values.isEmpty()) {
      return 0;
    }
    return jdbc.sql("delete from " + table + " where " + column + " in (:ids)").param("ids", List.copyOf(values)).update();
  }

  public int deleteRssvReturns(Collection<String> supportRequestIds) {
    if (supportRequestIds.isEmpty()) {
      return 0;
    }
    return jdbc.sql("delete from rssv_return where rssv_form_id in (select id from rssv_form where support_request_id in (:ids))")
        .param("ids", List.copyOf(supportRequestIds)).update();
  }

  /** Keeps a retained record's support request, but without the requester's data points. */
  public void pseudonymise(Collection<String> supportRequestIds, Instant now) {
    if (supportRequestIds.isEmpty()) {
      return;
    }
    jdbc.sql("""
            update support_request set requester_name = 'erased', requester_email = 'erased@invalid', requester_phone = 'erased',
              requester_email_key = null, requester_phone_key = null, updated_at = :now where id in (:ids)""")
        .param("ids", List.copyOf(supportRequestIds)).param("now", Timestamp.from(now)).update();
    jdbc.sql("update remote_session set notes = null where support_request_id in (:ids)").param("ids", List.copyOf(supportRequestIds)).update();
    jdbc.sql("update rssv_return set signer_name = null where rssv_form_id in (select id from rssv_form where support_request_id in (:ids))")
        .param("ids", List.copyOf(supportRequestIds)).update();
  }

  public void eraseJobLocation(String jobNumber, String replacement) {
    jdbc.sql("update job set location_address = ? where job_number = ?").params(replacement, jobNumber).update();
  }

  public void rectify(Collection<String> supportRequestIds, String name, String email, String phone) {
    if (supportRequestIds.isEmpty()) {
      return;
    }
    jdbc.sql("""
            update support_request set requester_name = coalesce(:name, requester_name), requester_email = coalesce(:email, requester_email),
              requester_phone = coalesce(:phone, requester_phone), requester_email_key = coalesce(:emailKey, requester_email_key),
              requester_phone_key = coalesce(:phoneKey, requester_phone_key) where id in (:ids)""")
        .param("name", name).param("email", email).param("phone", phone).param("emailKey", LookupKeys.email(email))
        .param("phoneKey", LookupKeys.phone(phone)).param("ids", List.copyOf(supportRequestIds)).update();
  }

  private List<Map<String, Object>> rows(String sql, List<String> ids) {
    return jdbc.sql(sql).param("ids", ids).query().listOfRows().stream().map(SubjectRecordsRepository::normalise).toList();
  }

  private static String emailKey(String email) {
    String key = LookupKeys.email(email);
    return key == null ? "-" : key;
  }

  /** Column names in lower case (H2 reports upper case), case numbers readable, timestamps as instants. */
  private static Map<String, Object> normalise(Map<String, Object> row) {
    Map<String, Object> out = new LinkedHashMap<>();
    row.forEach((key, value) -> {
      String name = key.toLowerCase(Locale.ROOT);
      Object v = value instanceof Timestamp t ? t.toInstant() : value instanceof java.sql.Date d ? d.toLocalDate() : value;
      if (name.equals("case_seq")) {
        out.put("case_number", String.format("RS-%06d", ((Number) value).longValue()));
      } else {
        out.put(name, v);
      }
    });
    return out;
  }
}
