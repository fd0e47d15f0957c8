package org.remoteservices.support.adapter.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.remoteservices.shared.time.TimeSource;
import org.remoteservices.support.application.port.SessionStore;
import org.remoteservices.support.domain.Recording;
import org.remoteservices.support.domain.RemoteSession;
import org.remoteservices.support.domain.SupportFile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Sessions, their recordings and the support files collected in them. */
@Repository
public class SessionRepository implements SessionStore {
  private static final String SESSION_COLUMNS =
      "id, support_request_id, scheduled_start, scheduled_minutes, started_at, ended_at, resolved, follow_up, notes, status";
  private static final String RECORDING_COLUMNS =
      "id, remote_session_id, support_request_id, kind, file_key, external_ref, destroy_after, destroyed_at";

  private final JdbcClient jdbc;
  private final TimeSource time;

  public SessionRepository(JdbcClient jdbc, TimeSource time) {
    this.jdbc = jdbc;
    this.time = time;
  }

  @Override
  public void insertSession(String id, String supportRequestId, Instant start, int minutes, String scheduledBy) {
    jdbc.sql("""
            insert into remote_session (id, support_request_id, scheduled_start, scheduled_minutes, status, scheduled_by, created_at)
            values (?, ?, ?, ?, 'SCHEDULED', ?, ?)""")
        .params(id, supportRequestId, Timestamp.from(start), minutes, scheduledBy, Timestamp.from(time.now()))
        .update();
  }

  /** The newest session of the request (the one being scheduled, run or documented). */
  @Override
  public Optional<RemoteSession> currentSession(String supportRequestId) {
    return jdbc.sql("select " + SESSION_COLUMNS + " from remote_session where support_request_id = ? order by created_at desc, id fetch first 1 rows only")
        .param(supportRequestId)
        .query(SessionRepository::mapSession)
        .optional();
  }

  @Override
  public Optional<RemoteSession> session(String id) {
    return jdbc.sql("select " + SESSION_COLUMNS + " from remote_session where id = ?").param(id).query(SessionRepository::mapSession).optional();
  }

  @Override
  public List<RemoteSession> sessionsOf(String supportRequestId) {
    return jdbc.sql("select " + SESSION_COLUMNS + " from remote_session where support_request_id = ? order by created_at")
        .param(supportRequestId)
        .query(SessionRepository::mapSession)
        .list();
  }

  @Override
  public void recordOutcome(String sessionId, Instant startedAt, Instant endedAt, boolean resolved, boolean followUp, String notes) {
    jdbc.sql("update remote_session set started_at = ?, ended_at = ?, resolved = ?, follow_up = ?, notes = ?, status = 'HELD' where id = ?")
        .params(Timestamp.from(startedAt), Timestamp.from(endedAt), resolved, followUp, notes, sessionId)
        .update();
  }

  @Override
  public void insertRecording(String id, String sessionId, String supportRequestId, String kind, String fileKey, String externalRef,
      String sha256, Long size, Instant destroyAfter) {
    jdbc.sql("""
            insert into recording (id, remote_session_id, support_request_id, kind, file_key, external_ref, sha256, size_bytes, destroy_after, created_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(id, sessionId, supportRequestId, kind, fileKey, externalRef, sha256, size, Timestamp.from(destroyAfter), Timestamp.from(time.now()))
        .update();
  }

  @Override
  public List<Recording> recordingsOfSession(String sessionId) {
    return jdbc.sql("select " + RECORDING_COLUMNS + " from recording where remote_session_id = ? order by created_at, id")
        .param(sessionId)
        .query(SessionRepository::mapRecording)
        .list();
  }

  @Override
  public List<Recording> recordingsOf(String supportRequestId) {
    return jdbc.sql("select " + RECORDING_COLUMNS + " from recording where support_request_id = ? order by created_at, id")
        .param(supportRequestId)
        .query(SessionRepository::mapRecording)
        .list();
  }

  @Override
  public Optional<Recording> recording(String id) {
    return jdbc.sql("select " + RECORDING_COLUMNS + " from recording where id = ?").param(id).query(SessionRepository::mapRecording).optional();
  }

  /** Every recording's destroy-after moves with its session's end (set when the outcome is recorded). */
  @Override
  public void setDestroyAfter(String sessionId, Instant destroyAfter) {
    jdbc.sql("update recording set destroy_after = ? where remote_session_id = ?").params(Timestamp.from(destroyAfter), sessionId).update();
  }

  /** Forgets where the recording was; the caller deletes the file and writes the destruction record. */
  @Override
  public void markDestroyed(String recordingId, Instant destroyedAt) {
    jdbc.sql("update recording set file_key = null, external_ref = null, destroyed_at = ? where id = ?")
        .params(Timestamp.from(destroyedAt), recordingId)
        .update();
  }

  @Override
  public void insertDestructionRecord(String recordingId, Instant recordedAt, Instant destroyedAt, String sha256, String method) {
    jdbc.sql("""
            insert into recording_destruction (recording_id, recorded_at, destroyed_at, file_sha256, method)
            values (?, ?, ?, ?, ?)""")
        .params(recordingId, Timestamp.from(recordedAt), Timestamp.from(destroyedAt), sha256, method)
        .update();
  }

  @Override
  public void insertConfirmedDestructionRecord(String recordingId, Instant recordedAt, Instant destroyedAt, String method, String confirmedBy,
      Instant deletedAt, String confirmation) {
    jdbc.sql("""
            insert into recording_destruction (recording_id, recorded_at, destroyed_at, method, confirmed_by, deleted_at, confirmation)
            values (?, ?, ?, ?, ?, ?, ?)""")
        .params(recordingId, Timestamp.from(recordedAt), Timestamp.from(destroyedAt), method, confirmedBy, Timestamp.from(deletedAt),
            confirmation)
        .update();
  }

  @Override
  public String recordingSha256(String recordingId) {
    return jdbc.sql("select sha256 from recording where id = ?").param(recordingId).query(String.class).optional().orElse(null);
  }

  @Override
  public void insertSupportFile(String id, String sessionId, String supportRequestId, String category, LocalDate retainUntil) {
    jdbc.sql("""
            insert into support_file (id, remote_session_id, support_request_id, category, collected_at, retain_until)
            values (?, ?, ?, ?, ?, ?)""")
        .params(id, sessionId, supportRequestId, category, Timestamp.from(time.now()), retainUntil)
        .update();
  }

  @Override
  public List<SupportFile> supportFilesOf(String supportRequestId) {
    return jdbc.sql("select id, remote_session_id, category, file_key, retain_until from support_file where support_request_id = ? order by collected_at, category")
        .param(supportRequestId)
        .query((rs, n) -> new SupportFile(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getObject(5, LocalDate.class)))
        .list();
  }

  @Override
  public void attachSupportFile(String supportFileId, String fileKey, String sha256, long size) {
    jdbc.sql("update support_file set file_key = ?, sha256 = ?, size_bytes = ? where id = ?").params(fileKey, sha256, size, supportFileId).update();
  }

  @Override
  public List<SupportFile> supportFilesWithSources(String supportRequestId) {
    return jdbc.sql("""
            select id, remote_session_id, category, file_key, retain_until, source, external_ref, size_bytes, collected_at, added_by
            from support_file where support_request_id = ? order by collected_at, category, id""")
        .param(supportRequestId)
        .query((rs, n) -> new SupportFile(rs.getString("id"), rs.getString("remote_session_id"), rs.getString("category"),
            rs.getString("file_key"), rs.getObject("retain_until", LocalDate.class), rs.getString("source"), rs.getString("external_ref"),
            (Long) rs.getObject("size_bytes", Long.class), instant(rs, "collected_at"), rs.getString("added_by")))
        .list();
  }

  @Override
  public void addSupportFile(String id, String sessionId, String supportRequestId, String category, LocalDate retainUntil, String source,
      String fileKey, String sha256, Long size, String externalRef, String addedBy) {
    jdbc.sql("""
            insert into support_file (id, remote_session_id, support_request_id, category, file_key, sha256, size_bytes, collected_at,
              retain_until, source, external_ref, added_by)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(id, sessionId, supportRequestId, category, fileKey, sha256, size, Timestamp.from(time.now()), retainUntil, source,
            externalRef, addedBy)
        .update();
  }

  @Override
  public Optional<String> listedSupportFileWithoutContent(String sessionId, String category) {
    return jdbc.sql("""
            select id from support_file where remote_session_id = ? and category = ? and file_key is null and external_ref is null
            order by collected_at, id fetch first 1 rows only""")
        .params(sessionId, category).query(String.class).optional();
  }

  @Override
  public void fillSupportFile(String supportFileId, String source, String fileKey, String sha256, Long size, String externalRef,
      String addedBy) {
    jdbc.sql("update support_file set source = ?, file_key = ?, sha256 = ?, size_bytes = ?, external_ref = ?, added_by = ? where id = ?")
        .params(source, fileKey, sha256, size, externalRef, addedBy, supportFileId).update();
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  private static RemoteSession mapSession(ResultSet rs, int n) throws SQLException {
    return new RemoteSession(rs.getString("id"), rs.getString("support_request_id"), instant(rs, "scheduled_start"),
        rs.getInt("scheduled_minutes"), instant(rs, "started_at"), instant(rs, "ended_at"),
        (Boolean) rs.getObject("resolved"), (Boolean) rs.getObject("follow_up"), rs.getString("notes"), rs.getString("status"));
  }

  private static Recording mapRecording(ResultSet rs, int n) throws SQLException {
    return new Recording(rs.getString("id"), rs.getString("remote_session_id"), rs.getString("support_request_id"), rs.getString("kind"),
        rs.getString("file_key"), rs.getString("external_ref"), instant(rs, "destroy_after"), instant(rs, "destroyed_at"));
  }

  @Override
  public int updateSupportFileRetention(String jobNumber, LocalDate retainUntil) {
    return jdbc.sql("update support_file set retain_until = ? where support_request_id in (select id from support_request where job_number = ?)")
        .params(retainUntil, jobNumber)
        .update();
  }
}
