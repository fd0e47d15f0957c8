package org.remoteservices.privacy.adapter.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.remoteservices.privacy.application.port.PrivacyDownloadStore;
import org.remoteservices.shared.time.TimeSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class PrivacyDownloadRepository implements PrivacyDownloadStore {
  private static final String COLUMNS = "id, privacy_request_id, file_kind, file_key, code_hash, failed_attempts, expires_at, downloaded_at, purged_at";

  private final JdbcClient jdbc;
  private final TimeSource time;

  public PrivacyDownloadRepository(JdbcClient jdbc, TimeSource time) {
    this.jdbc = jdbc;
    this.time = time;
  }

  @Override
  public void insert(String id, String privacyRequestId, String fileKind, String fileKey, String codeHash, Instant expiresAt) {
    jdbc.sql("""
            insert into privacy_download (id, privacy_request_id, file_kind, file_key, code_hash, failed_attempts, expires_at, created_at)
            values (?, ?, ?, ?, ?, 0, ?, ?)""")
        .params(id, privacyRequestId, fileKind, fileKey, codeHash, Timestamp.from(expiresAt), Timestamp.from(time.now())).update();
  }

  @Override
  public Optional<Download> find(String id) {
    return jdbc.sql("select " + COLUMNS + " from privacy_download where id = ?").param(id).query(PrivacyDownloadRepository::map).optional();
  }

  @Override
  public Optional<Download> ofRequest(String privacyRequestId, String fileKind) {
    return jdbc.sql("select " + COLUMNS + " from privacy_download where privacy_request_id = ? and file_kind = ?").params(privacyRequestId, fileKind)
        .query(PrivacyDownloadRepository::map).optional();
  }

  @Override
  public List<Download> ofRequest(String privacyRequestId) {
    return jdbc.sql("select " + COLUMNS + " from privacy_download where privacy_request_id = ? order by created_at").param(privacyRequestId)
        .query(PrivacyDownloadRepository::map).list();
  }

  @Override
  public int countFailedAttempt(String id) {
    jdbc.sql("update privacy_download set failed_attempts = failed_attempts + 1 where id = ?").param(id).update();
    return jdbc.sql("select failed_attempts from privacy_download where id = ?").param(id).query(Integer.class).single();
  }

  @Override
  public void markDownloaded(String id) {
    jdbc.sql("update privacy_download set downloaded_at = ? where id = ? and downloaded_at is null").params(Timestamp.from(time.now()), id).update();
  }

  @Override
  public void markPurged(String id) {
    jdbc.sql("update privacy_download set purged_at = ?, file_key = null where id = ?").params(Timestamp.from(time.now()), id).update();
  }

  @Override
  public List<Download> toPurge(Instant now) {
    return jdbc.sql("select " + COLUMNS + " from privacy_download where purged_at is null and (expires_at <= ? or downloaded_at is not null)")
        .param(Timestamp.from(now)).query(PrivacyDownloadRepository::map).list();
  }

  private static Download map(ResultSet rs, int n) throws SQLException {
    return new Download(rs.getString("id"), rs.getString("privacy_request_id"), rs.getString("file_kind"), rs.getString("file_key"),
        rs.getString("code_hash"), rs.getInt("failed_attempts"), instant(rs, "expires_at"), instant(rs, "downloaded_at"), instant(rs, "purged_at"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
