package org.remoteservices.support.adapter.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.remoteservices.support.domain.SupportRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the staff pages show of support cases, read straight from the support tables (running and finished cases
 * alike: the tables keep them, the engine's runtime does not). Read only; no personal data in the list (job and
 * status only), the requester on the case page.
 */
@Repository
public class SupportCaseViews {
  private static final Pattern CASE_NUMBER = Pattern.compile("(?i)^\\s*(?:RS-?)?0*(\\d{1,12})\\s*$");

  private final JdbcClient jdbc;

  public SupportCaseViews(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public record CaseRow(String id, String caseNumber, String jobNumber, String jobName, String status, Instant createdAt, Instant updatedAt) {}

  public record Requester(String name, String email, String phone) {}

  public record Entry(Instant at, String kind, String what) {}

  public record RecordingRow(String id, String kind, String reference, Long sizeBytes, Instant createdAt, Instant destroyAfter, Instant destroyedAt) {}

  public record SupportFileRow(String id, String category, boolean hasFile, Instant collectedAt, LocalDate retainUntil) {}

  public record SessionRow(String id, Instant scheduledStart, int minutes, String status, Instant startedAt, Instant endedAt, Boolean resolved) {}

  /**
   * Cases matching the search, newest first: a case number ("RS-000123", "123"), a job number, a job name or a status
   * (all case-insensitive, parts of words too); an empty search lists every case.
   */
  public List<CaseRow> search(String q, String status, int limit) {
    StringBuilder sql = new StringBuilder("""
        select sr.id, sr.case_seq, sr.job_number, j.job_name, sr.status, sr.created_at, sr.updated_at
        from support_request sr join job j on j.job_number = sr.job_number where 1 = 1""");
    List<Object> params = new ArrayList<>();
    String query = q == null ? "" : q.strip();
    if (!query.isEmpty()) {
      Matcher number = CASE_NUMBER.matcher(query);
      String like = "%" + query.toLowerCase(Locale.ROOT) + "%";
      sql.append(" and (lower(sr.job_number) like ? or lower(j.job_name) like ? or lower(sr.status) like ?");
      params.add(like);
      params.add(like);
      params.add(like);
      if (number.matches()) {
        sql.append(" or sr.case_seq = ?");
        params.add(Long.parseLong(number.group(1)));
      }
      sql.append(')');
    }
    if (status != null && !status.isBlank()) {
      sql.append(" and sr.status = ?");
      params.add(status.strip().toUpperCase(Locale.ROOT));
    }
    sql.append(" order by sr.case_seq desc fetch first ? rows only");
    params.add(limit);
    return jdbc.sql(sql.toString()).params(params).query(SupportCaseViews::row).list();
  }

  /** A case by its id or its case number. */
  public Optional<CaseRow> find(String idOrCaseNumber) {
    Matcher number = CASE_NUMBER.matcher(idOrCaseNumber);
    String base = """
        select sr.id, sr.case_seq, sr.job_number, j.job_name, sr.status, sr.created_at, sr.updated_at
        from support_request sr join job j on j.job_number = sr.job_number where\s""";
    if (idOrCaseNumber.toUpperCase(Locale.ROOT).startsWith("RS-") && number.matches()) {
      return jdbc.sql(base + "sr.case_seq = ?").param(Long.parseLong(number.group(1))).query(SupportCaseViews::row).optional();
    }
    return jdbc.sql(base + "sr.id = ?").param(idOrCaseNumber).query(SupportCaseViews::row).optional();
  }

  public Requester requester(String id) {
    return jdbc.sql("select requester_name, requester_email, requester_phone from support_request where id = ?").param(id)
        .query((rs, n) -> new Requester(rs.getString(1), rs.getString(2), rs.getString(3))).single();
  }

  public List<String> statuses() {
    return jdbc.sql("select distinct status from support_request order by status").query(String.class).list();
  }

  public List<SessionRow> sessions(String id) {
    return jdbc.sql("""
        select id, scheduled_start, scheduled_minutes, status, started_at, ended_at, resolved from remote_session
        where support_request_id = ? order by created_at""").param(id)
        .query((rs, n) -> new SessionRow(rs.getString(1), at(rs, 2), rs.getInt(3), rs.getString(4), at(rs, 5), at(rs, 6),
            (Boolean) rs.getObject(7))).list();
  }

  public List<RecordingRow> recordings(String id) {
    return jdbc.sql("""
        select id, kind, external_ref, size_bytes, created_at, destroy_after, destroyed_at from recording
        where support_request_id = ? order by created_at""").param(id)
        .query((rs, n) -> new RecordingRow(rs.getString(1), rs.getString(2), rs.getString(3), (Long) rs.getObject(4, Long.class),
            at(rs, 5), at(rs, 6), at(rs, 7))).list();
  }

  public List<SupportFileRow> supportFiles(String id) {
    return jdbc.sql("select id, category, file_key, collected_at, retain_until from support_file where support_request_id = ? order by collected_at")
        .param(id).query((rs, n) -> new SupportFileRow(rs.getString(1), rs.getString(2), rs.getString(3) != null, at(rs, 4),
            rs.getObject(5, LocalDate.class))).list();
  }

  /** What happened to the case, oldest first: mails, forms, sessions, recordings, support files, work order, survey. */
  public List<Entry> timeline(String id) {
    List<Entry> entries = new ArrayList<>();
    jdbc.sql("select created_at from support_request where id = ?").param(id)
        .query((rs, n) -> entries.add(new Entry(at(rs, 1), "request", "Support requested on the portal"))).list();
    jdbc.sql("select created_at, sent_at, subject, status from mail_record where support_request_id = ? order by created_at").param(id)
        .query((rs, n) -> entries.add(new Entry(at(rs, 2) != null ? at(rs, 2) : at(rs, 1), "mail",
            "Mail \"" + rs.getString(3) + "\" " + ("SENT".equals(rs.getString(4)) ? "sent" : rs.getString(4).toLowerCase(Locale.ROOT))))).list();
    jdbc.sql("select created_at, reference_code from rssv_form where support_request_id = ?").param(id)
        .query((rs, n) -> entries.add(new Entry(at(rs, 1), "form", "RSSV form " + rs.getString(2) + " generated"))).list();
    jdbc.sql("""
        select r.returned_at, r.method, r.decision, r.decided_at, r.decided_by from rssv_return r join rssv_form f on f.id = r.rssv_form_id
        where f.support_request_id = ?""").param(id)
        .query((rs, n) -> {
          entries.add(new Entry(at(rs, 1), "form", "Signed RSSV form returned (" + ("ONLINE".equals(rs.getString(2)) ? "signed online" : "uploaded") + ")"));
          if (rs.getString(3) != null) {
            entries.add(new Entry(at(rs, 4), "form", "Returned form " + rs.getString(3).toLowerCase(Locale.ROOT)
                + (rs.getString(5) != null ? " by " + rs.getString(5) : "")));
          }
          return null;
        }).list();
    for (SessionRow s : sessions(id)) {
      entries.add(new Entry(s.scheduledStart(), "session", "Session " + ("SCHEDULED".equals(s.status()) ? "scheduled" : "planned")
          + " (" + s.minutes() + " min)"));
      if (s.endedAt() != null) {
        entries.add(new Entry(s.endedAt(), "session", "Session held" + (Boolean.TRUE.equals(s.resolved()) ? ": issue resolved" : ": not resolved")));
      }
    }
    for (RecordingRow r : recordings(id)) {
      entries.add(new Entry(r.createdAt(), "recording", "Recording " + ("FILE".equals(r.kind()) ? "file uploaded" : "registered by reference")
          + ", to be destroyed after " + r.destroyAfter()));
      if (r.destroyedAt() != null) {
        entries.add(new Entry(r.destroyedAt(), "recording", "Recording destroyed (retention period over)"));
      }
    }
    for (SupportFileRow f : supportFiles(id)) {
      entries.add(new Entry(f.collectedAt(), "support-file", "Support file " + f.category() + " collected, kept until " + f.retainUntil()));
    }
    jdbc.sql("select created_at, sent_at, documented_by from work_order where support_request_id = ?").param(id)
        .query((rs, n) -> {
          entries.add(new Entry(at(rs, 1), "work-order", "Work order documented" + (rs.getString(3) != null ? " by " + rs.getString(3) : "")));
          if (at(rs, 2) != null) {
            entries.add(new Entry(at(rs, 2), "work-order", "Work order sent"));
          }
          return null;
        }).list();
    jdbc.sql("select created_at, answered_at, rating, status from survey where support_request_id = ?").param(id)
        .query((rs, n) -> {
          entries.add(new Entry(at(rs, 1), "survey", "Survey sent"));
          if (at(rs, 2) != null) {
            entries.add(new Entry(at(rs, 2), "survey", "Survey answered: " + rs.getInt(3) + " of 5"));
          }
          return null;
        }).list();
    entries.removeIf(e -> e.at() == null);
    entries.sort(Comparator.comparing(Entry::at));
    return entries;
  }

  private static CaseRow row(ResultSet rs, int n) throws SQLException {
    return new CaseRow(rs.getString(1), SupportRequest.caseNumberOf(rs.getLong(2)), rs.getString(3), rs.getString(4), rs.getString(5),
        at(rs, 6), at(rs, 7));
  }

  private static Instant at(ResultSet rs, int column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
