package org.remoteservices.privacy.adapter.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.remoteservices.privacy.domain.PrivacyRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The privacy request list of the staff pages: reference, channel, rights, jurisdiction, status, dates; no personal data. */
@Repository
public class PrivacyCaseViews {
  private static final Pattern REFERENCE = Pattern.compile("(?i)^\\s*(?:PR-?)?0*(\\d{1,12})\\s*$");

  private final JdbcClient jdbc;

  public PrivacyCaseViews(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public record RequestRow(String id, String reference, String channel, String rights, String jurisdiction, String status,
      Instant receivedAt, Instant dueAt, Instant completedAt, boolean deadlineMissed) {}

  /** Requests matching a reference ("PR-000123"), a status, a right or a jurisdiction; newest first. */
  public List<RequestRow> search(String q, String status, int limit) {
    StringBuilder sql = new StringBuilder("select id, ref_seq, channel, rights, jurisdiction, status, received_at, due_at, completed_at, "
        + "deadline_missed from privacy_request where 1 = 1");
    List<Object> params = new ArrayList<>();
    String query = q == null ? "" : q.strip();
    if (!query.isEmpty()) {
      String like = "%" + query.toLowerCase(Locale.ROOT) + "%";
      sql.append(" and (lower(status) like ? or lower(rights) like ? or lower(jurisdiction) like ? or lower(channel) like ?");
      params.add(like);
      params.add(like);
      params.add(like);
      params.add(like);
      Matcher number = REFERENCE.matcher(query);
      if (number.matches()) {
        sql.append(" or ref_seq = ?");
        params.add(Long.parseLong(number.group(1)));
      }
      sql.append(')');
    }
    if (status != null && !status.isBlank()) {
      sql.append(" and status = ?");
      params.add(status.strip().toUpperCase(Locale.ROOT));
    }
    sql.append(" order by ref_seq desc fetch first ? rows only");
    params.add(limit);
    return jdbc.sql(sql.toString()).params(params).query(PrivacyCaseViews::row).list();
  }

  public List<String> statuses() {
    return jdbc.sql("select distinct status from privacy_request order by status").query(String.class).list();
  }

  /** The request's id, from its id or its reference. */
  public Optional<String> idOf(String idOrReference) {
    Matcher number = REFERENCE.matcher(idOrReference);
    if (idOrReference.toUpperCase(Locale.ROOT).startsWith("PR-") && number.matches()) {
      return jdbc.sql("select id from privacy_request where ref_seq = ?").param(Long.parseLong(number.group(1))).query(String.class).optional();
    }
    return jdbc.sql("select id from privacy_request where id = ?").param(idOrReference).query(String.class).optional();
  }

  private static RequestRow row(ResultSet rs, int n) throws SQLException {
    return new RequestRow(rs.getString(1), PrivacyRequest.referenceOf(rs.getLong(2)), rs.getString(3), rs.getString(4), rs.getString(5),
        rs.getString(6), at(rs, 7), at(rs, 8), at(rs, 9), rs.getBoolean(10));
  }

  private static Instant at(ResultSet rs, int column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
