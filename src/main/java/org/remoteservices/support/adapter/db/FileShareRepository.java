package org.remoteservices.support.adapter.db;

import java.sql.Timestamp;
import java.util.List;
import org.remoteservices.support.application.port.FileShareStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** support_file_share: declared, reported and erased by the SupportSubjectDataProvider. */
@Repository
public class FileShareRepository implements FileShareStore {
  private final JdbcClient jdbc;

  public FileShareRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void insert(Share s) {
    jdbc.sql("""
            insert into support_file_share (id, share_id, support_request_id, support_file_id, recipient_id, recipient_name,
              recipient_country, transfer_safeguard, shared_by, shared_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(s.id(), s.shareId(), s.supportRequestId(), s.supportFileId(), s.recipientId(), s.recipientName(), s.recipientCountry(),
            s.transferSafeguard(), s.sharedBy(), Timestamp.from(s.sharedAt()))
        .update();
  }

  @Override
  public List<Share> ofShare(String shareId) {
    return jdbc.sql("""
            select id, share_id, support_request_id, support_file_id, recipient_id, recipient_name, recipient_country, transfer_safeguard,
              shared_by, shared_at from support_file_share where share_id = ? order by support_file_id""")
        .param(shareId)
        .query((rs, n) -> new Share(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
            rs.getString(7), rs.getString(8), rs.getString(9), rs.getTimestamp(10).toInstant()))
        .list();
  }
}
