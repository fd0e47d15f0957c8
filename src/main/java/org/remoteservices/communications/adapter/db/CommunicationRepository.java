package org.remoteservices.communications.adapter.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.remoteservices.communications.application.port.CommunicationStore;
import org.remoteservices.communications.domain.Communication;
import org.remoteservices.communications.domain.ContactChoice;
import org.remoteservices.communications.domain.Progress;
import org.remoteservices.communications.domain.Purpose;
import org.remoteservices.communications.domain.Recipient;
import org.remoteservices.communications.domain.SkipReason;
import org.remoteservices.communications.domain.WarrantyReminder;
import org.remoteservices.shared.time.TimeSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@link CommunicationStore} in the V9 tables. */
@Repository
public class CommunicationRepository implements CommunicationStore {
  private static final String COLUMNS = "id, purpose, subject, body, job_numbers, notice_version, status, chunk_size, created_by, created_at, completed_at";
  private static final String RECIPIENT_COLUMNS = "communication_id, position, email, name, support_request_id, job_number, status";
  private static final String CHOICE_COLUMNS = "id, support_request_id, email, country, marketing_consent, wording_version, source, gpc_signal, recorded_at";

  private final JdbcClient jdbc;
  private final org.springframework.jdbc.core.JdbcTemplate jdbcTemplate;
  private final TimeSource time;

  public CommunicationRepository(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate jdbcTemplate, TimeSource time) {
    this.jdbc = jdbc;
    this.jdbcTemplate = jdbcTemplate;
    this.time = time;
  }

  @Override
  public void insert(Communication c) {
    jdbc.sql("insert into communication (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(c.id(), c.purpose().name(), c.subject(), c.body(), c.jobNumbers().isEmpty() ? null : String.join(",", c.jobNumbers()),
            c.noticeVersion(), c.status().name(), c.chunkSize(), c.createdBy(), Timestamp.from(c.createdAt()), null)
        .update();
  }

  @Override
  public Optional<Communication> find(String id) {
    return jdbc.sql("select " + COLUMNS + " from communication where id = ?").param(id).query(CommunicationRepository::map).optional();
  }

  private static Communication map(ResultSet rs, int n) throws SQLException {
    String jobs = rs.getString("job_numbers");
    Timestamp completed = rs.getTimestamp("completed_at");
    return new Communication(rs.getString("id"), Purpose.valueOf(rs.getString("purpose")), rs.getString("subject"), rs.getString("body"),
        jobs == null ? List.of() : List.of(jobs.split(",")), rs.getString("notice_version"), Communication.Status.valueOf(rs.getString("status")),
        rs.getInt("chunk_size"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(), completed == null ? null : completed.toInstant());
  }

  @Override
  public void updateStatus(String id, Communication.Status status) {
    jdbc.sql("update communication set status = ?, completed_at = ? where id = ?")
        .params(status.name(), status == Communication.Status.DONE ? Timestamp.from(time.now()) : null, id).update();
  }

  @Override
  public int addRecipients(String communicationId, List<Recipient> recipients) {
    if (recipients.isEmpty()) {
      return 0;
    }
    Timestamp now = Timestamp.from(time.now());
    List<Object[]> rows = new ArrayList<>(recipients.size());
    for (Recipient r : recipients) {
      rows.add(new Object[] {communicationId, r.position(), r.email(), r.name(), r.supportRequestId(), r.jobNumber(), r.status().name(), now});
    }
    int[] counts = jdbcTemplate.batchUpdate("insert into communication_recipient (" + RECIPIENT_COLUMNS + ", updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
        rows);
    return counts.length;
  }

  @Override
  public java.util.Set<String> alreadyIn(String communicationId, Collection<String> emails) {
    if (emails.isEmpty()) {
      return java.util.Set.of();
    }
    return new java.util.HashSet<>(jdbc.sql("select email from communication_recipient where communication_id = :id and email in (:emails)")
        .param("id", communicationId).param("emails", List.copyOf(emails)).query(String.class).list());
  }

  @Override
  public int deleteSkippedMarkers(String communicationId) {
    return jdbc.sql("delete from communication_recipient where communication_id = ? and status = 'SKIPPED'").param(communicationId).update();
  }

  @Override
  public void addSkips(String communicationId, Map<SkipReason, Integer> skipped) {
    skipped.forEach((reason, count) -> jdbc.sql("insert into communication_skip (communication_id, reason, skipped) values (?, ?, ?)")
        .params(communicationId, reason.name(), count).update());
  }

  @Override
  public int recipientCount(String communicationId) {
    return jdbc.sql("select count(*) from communication_recipient where communication_id = ? and position >= 0").param(communicationId)
        .query(Integer.class).single();
  }

  @Override
  public List<Recipient> recipients(String communicationId, int from, int to) {
    return jdbc.sql("select " + RECIPIENT_COLUMNS + " from communication_recipient where communication_id = ? and position >= ? and position < ? order by position")
        .params(communicationId, from, to).query(CommunicationRepository::mapRecipient).list();
  }

  @Override
  public Optional<Recipient> recipient(String communicationId, int position) {
    return jdbc.sql("select " + RECIPIENT_COLUMNS + " from communication_recipient where communication_id = ? and position = ?")
        .params(communicationId, position).query(CommunicationRepository::mapRecipient).optional();
  }

  private static Recipient mapRecipient(ResultSet rs, int n) throws SQLException {
    return new Recipient(rs.getString("communication_id"), rs.getInt("position"), rs.getString("email"), rs.getString("name"),
        rs.getString("support_request_id"), rs.getString("job_number"), Recipient.Status.valueOf(rs.getString("status")));
  }

  // claim and mark join the chunk's transaction: its mails are stored in it too (MailOutbox), so a crash before the
  // chunk commits leaves neither a recipient marked sent whose mail is gone nor a mail without its mark
  @Override
  public boolean claim(String communicationId, int position) {
    return jdbc.sql("update communication_recipient set status = 'CLAIMED', updated_at = ? where communication_id = ? and position = ? "
            + "and status in ('PENDING', 'CLAIMED')")
        .params(Timestamp.from(time.now()), communicationId, position).update() > 0;
  }

  @Override
  public void mark(String communicationId, int position, Recipient.Status status) {
    jdbc.sql("update communication_recipient set status = ?, updated_at = ? where communication_id = ? and position = ?")
        .params(status.name(), Timestamp.from(time.now()), communicationId, position).update();
  }

  @Override
  public void setStatus(String communicationId, int position, Recipient.Status status) {
    jdbc.sql("update communication_recipient set status = ?, updated_at = ? where communication_id = ? and position = ?")
        .params(status.name(), Timestamp.from(time.now()), communicationId, position).update();
  }

  @Override
  public Progress progress(String communicationId) {
    Map<String, Integer> byStatus = new LinkedHashMap<>();
    jdbc.sql("select status, count(*) from communication_recipient where communication_id = ? group by status").param(communicationId)
        .query((rs, n) -> byStatus.put(rs.getString(1), rs.getInt(2))).list();
    Map<SkipReason, Integer> skipped = new EnumMap<>(SkipReason.class);
    jdbc.sql("select reason, skipped from communication_skip where communication_id = ?").param(communicationId)
        .query((rs, n) -> skipped.put(SkipReason.valueOf(rs.getString(1)), rs.getInt(2))).list();
    int all = byStatus.values().stream().mapToInt(Integer::intValue).sum();
    int sent = byStatus.getOrDefault("SENT", 0) + byStatus.getOrDefault("CALL_TASK", 0) + byStatus.getOrDefault("CALLED", 0);
    return new Progress(all, sent, byStatus.getOrDefault("FAILED", 0), skipped);
  }

  @Override
  public boolean noticeChangeSent(String noticeVersion, String email, String exceptCommunicationId) {
    return jdbc.sql("""
            select count(*) from communication_recipient r join communication c on c.id = r.communication_id
            where c.purpose = 'NOTICE_CHANGE' and c.notice_version = ? and r.email = ? and c.id <> ? and r.status not in ('FAILED', 'SKIPPED')""")
        .params(noticeVersion, email, exceptCommunicationId).query(Integer.class).single() > 0;
  }

  @Override
  public boolean warrantyReminderStarted(String jobNumber, java.time.LocalDate warrantyUntil) {
    return jdbc.sql("select count(*) from warranty_reminder where job_number = ? and warranty_until = ?").params(jobNumber, warrantyUntil)
        .query(Integer.class).single() > 0;
  }

  @Override
  public void insertWarrantyReminder(WarrantyReminder r) {
    jdbc.sql("insert into warranty_reminder (job_number, warranty_until, communication_id, created_at) values (?, ?, ?, ?)")
        .params(r.jobNumber(), r.warrantyUntil(), r.communicationId(), Timestamp.from(r.createdAt())).update();
  }

  @Override
  public Optional<WarrantyReminder> warrantyReminderOf(String communicationId) {
    return jdbc.sql("select job_number, warranty_until, communication_id, created_at from warranty_reminder where communication_id = ?")
        .param(communicationId)
        .query((rs, n) -> new WarrantyReminder(rs.getString(1), rs.getObject(2, java.time.LocalDate.class), rs.getString(3),
            rs.getTimestamp(4).toInstant()))
        .optional();
  }

  @Override
  public void insertChoice(ContactChoice c) {
    jdbc.sql("insert into contact_choice (" + CHOICE_COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(c.id(), c.supportRequestId(), c.email(), c.country(), c.marketingConsent(), c.wordingVersion(), c.source(), c.gpcSignal(),
            Timestamp.from(c.recordedAt()))
        .update();
  }

  @Override
  public void noteOptOutSignal(String choiceId, String note) {
    jdbc.sql("update contact_choice set gpc_note = ? where id = ?").params(note, choiceId).update();
  }

  @Override
  public List<ContactChoice> choicesOf(String email) {
    return choicesOf(List.of(email)).getOrDefault(email, List.of());
  }

  @Override
  public Map<String, List<ContactChoice>> choicesOf(Collection<String> emails) {
    Map<String, List<ContactChoice>> out = new LinkedHashMap<>();
    if (emails.isEmpty()) {
      return out;
    }
    jdbc.sql("select " + CHOICE_COLUMNS + " from contact_choice where email in (:emails) order by recorded_at desc, id")
        .param("emails", List.copyOf(emails))
        .query((rs, n) -> new ContactChoice(rs.getString("id"), rs.getString("support_request_id"), rs.getString("email"), rs.getString("country"),
            rs.getBoolean("marketing_consent"), rs.getString("wording_version"), rs.getString("source"), rs.getBoolean("gpc_signal"),
            rs.getTimestamp("recorded_at").toInstant()))
        .list()
        .forEach(c -> out.computeIfAbsent(c.email(), k -> new ArrayList<>()).add(c));
    return out;
  }

  @Override
  public List<String> choiceIds(Collection<String> emails, Collection<String> supportRequestIds) {
    List<String> ids = new ArrayList<>();
    if (!emails.isEmpty()) {
      ids.addAll(jdbc.sql("select id from contact_choice where email in (:emails)").param("emails", List.copyOf(emails)).query(String.class).list());
    }
    if (!supportRequestIds.isEmpty()) {
      jdbc.sql("select id from contact_choice where support_request_id in (:ids)").param("ids", List.copyOf(supportRequestIds))
          .query(String.class).list().stream().filter(id -> !ids.contains(id)).forEach(ids::add);
    }
    return ids;
  }

  @Override
  public List<String> recipientKeys(Collection<String> emails) {
    if (emails.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("select communication_id, position from communication_recipient where email in (:emails) order by communication_id, position")
        .param("emails", List.copyOf(emails)).query((rs, n) -> rs.getString(1) + ":" + rs.getInt(2)).list();
  }

  @Override
  public List<Map<String, Object>> describeChoices(Collection<String> ids) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (String id : ids) {
      jdbc.sql("select recorded_at, source, email, country, marketing_consent, wording_version, gpc_signal, gpc_note from contact_choice where id = ?")
          .param(id).query((rs, n) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("recorded_at", rs.getTimestamp("recorded_at").toInstant());
            row.put("source", rs.getString("source"));
            row.put("email", rs.getString("email"));
            row.put("country", rs.getString("country"));
            row.put("marketing_consent", rs.getBoolean("marketing_consent"));
            row.put("wording_version", rs.getString("wording_version"));
            row.put("opt_out_preference_signal", rs.getBoolean("gpc_signal"));
            if (rs.getString("gpc_note") != null) {
              row.put("opt_out_preference_signal_note", rs.getString("gpc_note"));
            }
            return row;
          }).optional().ifPresent(out::add);
    }
    return out;
  }

  @Override
  public List<Map<String, Object>> describeRecipients(Collection<String> keys) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (String key : keys) {
      String[] parts = key.split(":");
      jdbc.sql("""
              select c.purpose, c.subject, c.created_at, r.email, r.name, r.status from communication_recipient r
              join communication c on c.id = r.communication_id where r.communication_id = ? and r.position = ?""")
          .params(parts[0], Integer.parseInt(parts[1])).query((rs, n) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("purpose", rs.getString("purpose"));
            row.put("subject", rs.getString("subject"));
            row.put("created_at", rs.getTimestamp("created_at").toInstant());
            row.put("email", rs.getString("email"));
            row.put("name", rs.getString("name"));
            row.put("status", rs.getString("status"));
            return row;
          }).optional().ifPresent(out::add);
    }
    return out;
  }

  @Override
  public int deleteChoices(Collection<String> ids) {
    return ids.isEmpty() ? 0 : jdbc.sql("delete from contact_choice where id in (:ids)").param("ids", List.copyOf(ids)).update();
  }

  @Override
  public int deleteRecipients(Collection<String> keys) {
    int deleted = 0;
    for (String key : keys) {
      String[] parts = key.split(":");
      deleted += jdbc.sql("delete from communication_recipient where communication_id = ? and position = ?")
          .params(parts[0], Integer.parseInt(parts[1])).update();
    }
    return deleted;
  }

  @Override
  public int rectifyEmail(Collection<String> choiceIds, Collection<String> recipientKeys, String email) {
    int changed = choiceIds.isEmpty() ? 0
        : jdbc.sql("update contact_choice set email = :email where id in (:ids)").param("email", email).param("ids", List.copyOf(choiceIds)).update();
    return changed;
  }
}
