package org.remoteservices.support.adapter.db;

import java.sql.Timestamp;
import java.time.Instant;
import org.remoteservices.support.application.port.CaseFileDownloadStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class CaseFileDownloadRepository implements CaseFileDownloadStore {
  private final JdbcClient jdbc;

  public CaseFileDownloadRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void record(String id, String supportRequestId, FileKind kind, String fileId, String downloadedBy, Instant downloadedAt) {
    jdbc.sql("""
            insert into case_file_download (id, support_request_id, file_kind, file_id, downloaded_by, downloaded_at)
            values (?, ?, ?, ?, ?, ?)""")
        .params(id, supportRequestId, kind.name(), fileId, downloadedBy, Timestamp.from(downloadedAt))
        .update();
  }
}
