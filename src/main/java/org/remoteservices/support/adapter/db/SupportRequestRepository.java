package org.remoteservices.support.adapter.db;

import org.remoteservices.support.application.port.SupportRequestStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.remoteservices.support.domain.SupportRequest;
import org.remoteservices.support.domain.SupportStatus;
import org.remoteservices.shared.lookup.LookupKeys;
import org.remoteservices.shared.time.TimeSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class SupportRequestRepository implements SupportRequestStore {
  private static final String COLUMNS =
      "id, case_seq, job_number, requester_name, requester_email, requester_phone, status, created_at";

  private final JdbcClient jdbc;
  private final TimeSource time;

  public SupportRequestRepository(JdbcClient jdbc, TimeSource time) {
    this.jdbc = jdbc;
    this.time = time;
  }

  /** Inserts the request and returns it with its case sequence number. */
  @Override
  public SupportRequest insert(String id, String jobNumber, String name, String email, String phone) {
    Timestamp now = Timestamp.from(time.now());
    jdbc.sql("""
            insert into support_request (id, job_number, requester_name, requester_email, requester_phone, requester_email_key,
              requester_phone_key, status, created_at, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(id, jobNumber, name, email, phone, LookupKeys.email(email), LookupKeys.phone(phone), SupportStatus.RSSV_PENDING.name(), now, now)
        .update(new GeneratedKeyHolder());
    return get(id);
  }

  @Override
  public Optional<SupportRequest> find(String id) {
    return jdbc.sql("select " + COLUMNS + " from support_request where id = ?").param(id).query(SupportRequestRepository::map).optional();
  }

  @Override
  public Optional<SupportRequest> findByCaseSeq(long caseSeq) {
    return jdbc.sql("select " + COLUMNS + " from support_request where case_seq = ?").param(caseSeq).query(SupportRequestRepository::map)
        .optional();
  }

  @Override
  public SupportRequest get(String id) {
    return find(id).orElseThrow(() -> new IllegalStateException("support request " + id + " does not exist"));
  }

  @Override
  public List<SupportRequest> list(int offset, int limit) {
    return jdbc.sql("select " + COLUMNS + " from support_request order by case_seq desc offset ? rows fetch next ? rows only")
        .params(offset, limit)
        .query(SupportRequestRepository::map)
        .list();
  }

  @Override
  public List<SupportRequest> listOldestFirst(int offset, int limit) {
    return jdbc.sql("select " + COLUMNS + " from support_request order by case_seq offset ? rows fetch next ? rows only")
        .params(offset, limit)
        .query(SupportRequestRepository::map)
        .list();
  }

  @Override
  public List<SupportRequest> listNewestFirst(Long beforeCaseSeq, java.util.Collection<String> jobNumbers, int limit) {
    String jobs = jobNumbers.isEmpty() ? "" : " and job_number in (:jobs)";
    var sql = jdbc.sql("select " + COLUMNS + " from support_request where case_seq < :before" + jobs
            + " order by case_seq desc fetch first :limit rows only")
        .param("before", beforeCaseSeq == null ? Long.MAX_VALUE : beforeCaseSeq)
        .param("limit", limit);
    if (!jobNumbers.isEmpty()) {
      sql = sql.param("jobs", List.copyOf(jobNumbers));
    }
    return sql.query(SupportRequestRepository::map).list();
  }

  @Override
  public void updateStatus(String id, SupportStatus status) {
    jdbc.sql("update support_request set status = ?, updated_at = ? where id = ?")
        .params(status.name(), Timestamp.from(time.now()), id)
        .update();
  }

  private static SupportRequest map(ResultSet rs, int row) throws SQLException {
    return new SupportRequest(
        rs.getString("id"), rs.getLong("case_seq"), rs.getString("job_number"), rs.getString("requester_name"),
        rs.getString("requester_email"), rs.getString("requester_phone"), SupportStatus.valueOf(rs.getString("status")),
        rs.getTimestamp("created_at").toInstant());
  }
}
