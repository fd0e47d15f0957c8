package org.remoteservices.support.adapter.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.remoteservices.shared.time.TimeSource;
import org.remoteservices.support.application.port.RssvStore;
import org.remoteservices.support.domain.RssvForm;
import org.remoteservices.support.domain.RssvReturn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class RssvRepository implements RssvStore {
  private final JdbcClient jdbc;
  private final TimeSource time;

  public RssvRepository(JdbcClient jdbc, TimeSource time) {
    this.jdbc = jdbc;
    this.time = time;
  }

  @Override
  public Optional<RssvForm> formOfRequest(String supportRequestId) {
    return jdbc.sql("select id, support_request_id, reference_code, pdf_file, pdf_sha256, status from rssv_form where support_request_id = ?")
        .param(supportRequestId)
        .query(RssvRepository::mapForm)
        .optional();
  }

  @Override
  public Optional<RssvForm> form(String id) {
    return jdbc.sql("select id, support_request_id, reference_code, pdf_file, pdf_sha256, status from rssv_form where id = ?")
        .param(id)
        .query(RssvRepository::mapForm)
        .optional();
  }

  @Override
  public void insertForm(RssvForm form) {
    Timestamp now = Timestamp.from(time.now());
    jdbc.sql("""
            insert into rssv_form (id, support_request_id, reference_code, pdf_file, pdf_sha256, status, link_round, created_at, updated_at)
            values (?, ?, ?, ?, ?, ?, 0, ?, ?)""")
        .params(form.id(), form.supportRequestId(), form.referenceCode(), form.pdfFile(), form.pdfSha256(), form.status(), now, now)
        .update();
  }

  @Override
  public void updateFormStatus(String formId, String status) {
    jdbc.sql("update rssv_form set status = ?, updated_at = ? where id = ?").params(status, Timestamp.from(time.now()), formId).update();
  }

  /** Starts a new round of waiting for the signed form; returns its number. */
  @Override
  public int startRound(String formId) {
    jdbc.sql("update rssv_form set link_round = link_round + 1, round_started_at = ?, updated_at = ? where id = ?")
        .params(Timestamp.from(time.now()), Timestamp.from(time.now()), formId)
        .update();
    return jdbc.sql("select link_round from rssv_form where id = ?").param(formId).query(Integer.class).single();
  }

  @Override
  public Round currentRound(String formId) {
    return jdbc.sql("select link_round, round_started_at from rssv_form where id = ?")
        .param(formId)
        .query((rs, n) -> new Round(rs.getInt(1), rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant()))
        .single();
  }

  @Override
  public void insertReturn(String id, String formId, String method, String fileKey, String sha256, long size, String signerName,
      String contentWarning) {
    jdbc.sql("""
            insert into rssv_return (id, rssv_form_id, method, file_key, sha256, size_bytes, signer_name, returned_at, content_warning)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(id, formId, method, fileKey, sha256, size, signerName, Timestamp.from(time.now()), contentWarning)
        .update();
  }

  /** The most recent return of the request's form. */
  @Override
  public Optional<RssvReturn> latestReturn(String supportRequestId) {
    return jdbc.sql("""
            select r.id, r.rssv_form_id, r.method, r.file_key, r.sha256, r.size_bytes, r.returned_at, r.decision, r.rejection_reason,
              r.content_warning
            from rssv_return r join rssv_form f on f.id = r.rssv_form_id
            where f.support_request_id = ? order by r.returned_at desc, r.id fetch first 1 rows only""")
        .param(supportRequestId)
        .query(RssvRepository::mapReturn)
        .optional();
  }

  @Override
  public boolean decide(String returnId, boolean accepted, String reason, String decidedBy) {
    return jdbc.sql("update rssv_return set decision = ?, rejection_reason = ?, decided_by = ?, decided_at = ? where id = ? and decision is null")
        .params(accepted ? RssvReturn.ACCEPTED : RssvReturn.REJECTED, reason, decidedBy, Timestamp.from(time.now()), returnId)
        .update() == 1;
  }

  private static RssvForm mapForm(ResultSet rs, int n) throws SQLException {
    return new RssvForm(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6));
  }

  private static RssvReturn mapReturn(ResultSet rs, int n) throws SQLException {
    return new RssvReturn(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getLong(6),
        rs.getTimestamp(7).toInstant(), rs.getString(8), rs.getString(9), rs.getString(10));
  }
}
