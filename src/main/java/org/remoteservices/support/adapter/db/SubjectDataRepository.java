package org.remoteservices.support.adapter.db;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.remoteservices.shared.lookup.LookupKeys;
import org.remoteservices.support.application.port.SubjectDataStore;
import org.remoteservices.support.domain.SupportRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The support tables' rows about data subjects, read for matching, access and portability, erased and corrected.
 * An erasure must reach every row, including ones the support use cases never read back, so this is plain SQL
 * over all of them, addressed by support request ids (tables and columns come from code, never from input).
 */
@Repository
public class SubjectDataRepository implements SubjectDataStore {
  private final JdbcClient jdbc;

  public SubjectDataRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<Candidate> candidates(String emailKey, String phoneKey) {
    if (emailKey == null && phoneKey == null) {
      return List.of();
    }
    return jdbc.sql("""
            select id, case_seq, job_number, requester_name, requester_email, requester_phone
            from support_request where requester_email_key = :email
            union
            select id, case_seq, job_number, requester_name, requester_email, requester_phone
            from support_request where requester_phone_key = :phone
            order by case_seq""")
        .param("email", emailKey == null ? "-" : emailKey)
        .param("phone", phoneKey == null ? "-" : phoneKey)
        .query((rs, n) -> new Candidate(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)))
        .list();
  }

  @Override
  public Files files(Collection<String> ids) {
    return new Files(
        ids("select pdf_file from rssv_form where support_request_id in (:ids)", ids),
        ids("select r.file_key from rssv_return r join rssv_form f on f.id = r.rssv_form_id where f.support_request_id in (:ids)", ids),
        ids("select file_key from recording where support_request_id in (:ids)", ids),
        ids("select file_key from support_file where support_request_id in (:ids)", ids),
        ids("select pdf_file from work_order where support_request_id in (:ids)", ids));
  }

  @Override
  public List<String> recordingIds(Collection<String> ids) {
    return ids("select id from recording where support_request_id in (:ids)", ids);
  }

  @Override
  public Map<String, List<Map<String, Object>>> describe(Collection<String> supportRequestIds) {
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
        select s.case_seq, f.category, f.source, f.external_ref, f.size_bytes, f.collected_at, f.retain_until from support_file f
        join support_request s on s.id = f.support_request_id where f.support_request_id in (:ids) order by f.collected_at, f.category""", ids));
    out.put("support_file_shares", rows("""
        select s.case_seq, f.category, h.recipient_name, h.recipient_country, h.transfer_safeguard, h.shared_at, h.shared_by
        from support_file_share h join support_request s on s.id = h.support_request_id
        left join support_file f on f.id = h.support_file_id where h.support_request_id in (:ids) order by h.shared_at, f.category""", ids));
    out.put("work_orders", rows("""
        select s.case_seq, w.summary, w.actions_taken, w.recommendations, w.created_at, w.sent_at from work_order w
        join support_request s on s.id = w.support_request_id where w.support_request_id in (:ids) order by w.created_at""", ids));
    out.put("surveys", rows("""
        select s.case_seq, v.status, v.rating, v.comment_text, v.answered_at from survey v
        join support_request s on s.id = v.support_request_id where v.support_request_id in (:ids) order by v.created_at""", ids));
    return out;
  }

  @Override
  public List<String> jobsSentWorkOrders(Collection<String> ids) {
    return ids("""
        select distinct s.job_number from work_order w join support_request s on s.id = w.support_request_id
        where w.support_request_id in (:ids) and w.sent_at is not null order by s.job_number""", ids);
  }

  @Override
  public List<String> jobsInvitedToSessions(Collection<String> ids) {
    return ids("""
        select distinct s.job_number from remote_session r join support_request s on s.id = r.support_request_id
        where r.support_request_id in (:ids) order by s.job_number""", ids);
  }

  @Override
  public List<String> caseNumbers(Collection<String> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("select case_seq from support_request where id in (:ids) order by case_seq").param("ids", List.copyOf(ids))
        .query(Long.class).list().stream().map(SupportRequest::caseNumberOf).toList();
  }

  @Override
  public List<String> caseIdsOfJob(String jobNumber) {
    return jdbc.sql("select id from support_request where job_number = ? order by created_at, id").param(jobNumber).query(String.class).list();
  }

  @Override
  public Set<String> jobsOf(Collection<String> ids) {
    return new LinkedHashSet<>(ids("select distinct job_number from support_request where id in (:ids) order by job_number", ids));
  }

  @Override
  public Set<String> jobsAlsoRequestedByOthers(Collection<String> jobNumbers, Collection<String> supportRequestIds) {
    if (jobNumbers.isEmpty()) {
      return Set.of();
    }
    return new LinkedHashSet<>(jdbc.sql("select distinct job_number from support_request where job_number in (:jobs) and id not in (:ids)")
        .param("jobs", List.copyOf(jobNumbers))
        .param("ids", supportRequestIds.isEmpty() ? List.of("-") : List.copyOf(supportRequestIds))
        .query(String.class).list());
  }

  @Override
  public List<String> linkTargets(Collection<String> ids) {
    return ids("select id from rssv_form where support_request_id in (:ids) union select id from survey where support_request_id in (:ids)", ids);
  }

  // ---------------------------------------------------------------- erasure

  @Override
  public int deleteSurveys(Collection<String> ids) {
    return deleteWhere("survey", "support_request_id", ids);
  }

  @Override
  public int deleteCaseFileDownloads(Collection<String> ids) {
    return deleteWhere("case_file_download", "support_request_id", ids);
  }

  @Override
  public int deleteRecordings(Collection<String> ids) {
    deleteWhere("recording_destruction", "recording_id", recordingIds(ids));
    return deleteWhere("recording", "support_request_id", ids);
  }

  @Override
  public List<String> registerEntriesSharedWith(Collection<String> ids) {
    return ids("select distinct recipient_id from support_file_share where support_request_id in (:ids) order by recipient_id", ids);
  }

  @Override
  public int deleteSupportFileShares(Collection<String> ids) {
    return deleteWhere("support_file_share", "support_request_id", ids);
  }

  @Override
  public int deleteSupportFiles(Collection<String> ids) {
    return deleteWhere("support_file", "support_request_id", ids);
  }

  @Override
  public int deleteRssvReturns(Collection<String> ids) {
    if (ids.isEmpty()) {
      return 0;
    }
    return jdbc.sql("delete from rssv_return where rssv_form_id in (select id from rssv_form where support_request_id in (:ids))")
        .param("ids", List.copyOf(ids)).update();
  }

  @Override
  public int deleteRssvForms(Collection<String> ids) {
    return deleteWhere("rssv_form", "support_request_id", ids);
  }

  @Override
  public int deleteWorkOrders(Collection<String> ids) {
    return deleteWhere("work_order", "support_request_id", ids);
  }

  @Override
  public int deleteSessions(Collection<String> ids) {
    return deleteWhere("remote_session", "support_request_id", ids);
  }

  @Override
  public int deleteSupportRequests(Collection<String> ids) {
    return deleteWhere("support_request", "id", ids);
  }

  @Override
  public Map<String, Integer> counts(Collection<String> ids) {
    Map<String, Integer> out = new LinkedHashMap<>();
    out.put("rssv_form", count("select count(*) from rssv_form where support_request_id in (:ids)", ids));
    out.put("rssv_return", count("""
        select count(*) from rssv_return r join rssv_form f on f.id = r.rssv_form_id where f.support_request_id in (:ids)""", ids));
    out.put("recording", count("select count(*) from recording where support_request_id in (:ids)", ids));
    out.put("support_file", count("select count(*) from support_file where support_request_id in (:ids)", ids));
    out.put("work_order", count("select count(*) from work_order where support_request_id in (:ids)", ids));
    return out;
  }

  @Override
  public Pseudonymised pseudonymise(Collection<String> supportRequestIds, Instant now) {
    if (supportRequestIds.isEmpty()) {
      return new Pseudonymised(0, 0, 0);
    }
    List<String> ids = List.copyOf(supportRequestIds);
    int requests = jdbc.sql("""
            update support_request set requester_name = 'erased', requester_email = 'erased@invalid', requester_phone = 'erased',
              requester_email_key = null, requester_phone_key = null, updated_at = :now
            where id in (:ids) and not (requester_name = 'erased' and requester_email = 'erased@invalid' and requester_phone = 'erased'
              and requester_email_key is null and requester_phone_key is null)""")
        .param("ids", ids).param("now", Timestamp.from(now)).update();
    int sessions = jdbc.sql("update remote_session set notes = null where support_request_id in (:ids) and notes is not null")
        .param("ids", ids).update();
    int returns = jdbc.sql("""
            update rssv_return set signer_name = null
            where rssv_form_id in (select id from rssv_form where support_request_id in (:ids)) and signer_name is not null""")
        .param("ids", ids).update();
    return new Pseudonymised(requests, sessions, returns);
  }

  @Override
  public int rectify(Collection<String> supportRequestIds, String name, String email, String phone) {
    if (supportRequestIds.isEmpty()) {
      return 0;
    }
    return jdbc.sql("""
            update support_request set requester_name = coalesce(:name, requester_name), requester_email = coalesce(:email, requester_email),
              requester_phone = coalesce(:phone, requester_phone), requester_email_key = coalesce(:emailKey, requester_email_key),
              requester_phone_key = coalesce(:phoneKey, requester_phone_key) where id in (:ids)""")
        .param("name", name).param("email", email).param("phone", phone).param("emailKey", LookupKeys.email(email))
        .param("phoneKey", LookupKeys.phone(phone)).param("ids", List.copyOf(supportRequestIds)).update();
  }

  // ---------------------------------------------------------------- helpers

  private List<String> ids(String sql, Collection<String> supportRequestIds) {
    if (supportRequestIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(sql).param("ids", List.copyOf(supportRequestIds)).query(String.class).list().stream().filter(Objects::nonNull).toList();
  }

  private int count(String sql, Collection<String> supportRequestIds) {
    if (supportRequestIds.isEmpty()) {
      return 0;
    }
    return jdbc.sql(sql).param("ids", List.copyOf(supportRequestIds)).query(Integer.class).single();
  }

  private int deleteWhere(String table, String column, Collection<String> values) {
    if (values.isEmpty()) {
      return 0;
    }
    return jdbc.sql("delete from " + table + " where " + column + " in (:ids)").param("ids", List.copyOf(values)).update();
  }

  private List<Map<String, Object>> rows(String sql, List<String> ids) {
    return jdbc.sql(sql).param("ids", ids).query().listOfRows().stream().map(SubjectDataRepository::normalise).toList();
  }

  /** Column names in lower case (H2 reports upper case), case numbers readable, timestamps as instants, dates as dates. */
  private static Map<String, Object> normalise(Map<String, Object> row) {
    Map<String, Object> out = new LinkedHashMap<>();
    row.forEach((key, value) -> {
      String name = key.toLowerCase(Locale.ROOT);
      Object v = value instanceof Timestamp t ? t.toInstant() : value instanceof java.sql.Date d ? d.toLocalDate() : value;
      if (name.equals("case_seq")) {
        out.put("case_number", SupportRequest.caseNumberOf(((Number) value).longValue()));
      } else {
        out.put(name, v);
      }
    });
    return out;
  }
}
