package org.remoteservices.support.adapter.db;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.remoteservices.shared.time.TimeSource;
import org.remoteservices.support.application.port.SurveyStore;
import org.remoteservices.support.domain.Survey;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class SurveyRepository implements SurveyStore {
  private final JdbcClient jdbc;
  private final TimeSource time;

  public SurveyRepository(JdbcClient jdbc, TimeSource time) {
    this.jdbc = jdbc;
    this.time = time;
  }

  @Override
  public void insert(String id, String supportRequestId, String status, Instant expiresAt) {
    jdbc.sql("insert into survey (id, support_request_id, status, created_at, expires_at) values (?, ?, ?, ?, ?)")
        .params(id, supportRequestId, status, Timestamp.from(time.now()), Timestamp.from(expiresAt))
        .update();
  }

  @Override
  public Optional<Survey> ofRequest(String supportRequestId) {
    return jdbc.sql("select id, support_request_id, status, rating, comment_text, expires_at from survey where support_request_id = ? order by created_at desc fetch first 1 rows only")
        .param(supportRequestId)
        .query((rs, n) -> new Survey(rs.getString(1), rs.getString(2), rs.getString(3), (Integer) rs.getObject(4), rs.getString(5), rs.getTimestamp(6).toInstant()))
        .optional();
  }

  @Override
  public Optional<Survey> find(String id) {
    return jdbc.sql("select id, support_request_id, status, rating, comment_text, expires_at from survey where id = ?")
        .param(id)
        .query((rs, n) -> new Survey(rs.getString(1), rs.getString(2), rs.getString(3), (Integer) rs.getObject(4), rs.getString(5), rs.getTimestamp(6).toInstant()))
        .optional();
  }

  @Override
  public int answer(String id, int rating, String comment) {
    return jdbc.sql("update survey set status = 'ANSWERED', rating = ?, comment_text = ?, answered_at = ? where id = ? and status = 'SENT'")
        .params(rating, comment, Timestamp.from(time.now()), id)
        .update();
  }

  @Override
  public void close(String id) {
    jdbc.sql("update survey set status = 'EXPIRED' where id = ? and status = 'SENT'").param(id).update();
  }
}
