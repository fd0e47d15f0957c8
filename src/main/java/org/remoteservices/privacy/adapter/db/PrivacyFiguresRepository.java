package org.remoteservices.privacy.adapter.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.remoteservices.privacy.api.PrivacyFigures;
import org.remoteservices.privacy.domain.PrivacyRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The privacy figures from the request tables. A right counts as complied with (in whole or in part) when its
 * outcome is recorded as done; a request denied (identity not verified, or refused) counts as denied for each right
 * it asked for. Days to answer run from receipt to the final response, for answered requests.
 */
@Repository
public class PrivacyFiguresRepository implements PrivacyFigures {
  private final JdbcClient jdbc;

  public PrivacyFiguresRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  private record Row(String right, String jurisdiction, String rightStatus, String status, Instant receivedAt, Instant completedAt) {}

  @Override
  public List<RightFigures> byRightAndJurisdiction(Instant since) {
    List<Row> rows = jdbc.sql("""
        select r.right_type, p.jurisdiction, r.status, p.status, p.received_at, p.completed_at
        from privacy_request_right r join privacy_request p on p.id = r.privacy_request_id
        where p.received_at >= ? order by r.right_type, p.jurisdiction""").param(Timestamp.from(since))
        .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), at(rs, 5), at(rs, 6))).list();
    Map<String, List<Row>> groups = new LinkedHashMap<>();
    rows.forEach(r -> groups.computeIfAbsent(r.right() + "|" + r.jurisdiction(), k -> new ArrayList<>()).add(r));
    List<RightFigures> figures = new ArrayList<>();
    groups.forEach((key, group) -> {
      long complied = group.stream().filter(r -> "DONE".equals(r.rightStatus()) && !"DENIED".equals(r.status())).count();
      long denied = group.stream().filter(r -> "DENIED".equals(r.status())).count();
      List<Double> days = group.stream().filter(r -> r.completedAt() != null)
          .map(r -> Duration.between(r.receivedAt(), r.completedAt()).toMinutes() / (60.0 * 24)).sorted().toList();
      figures.add(new RightFigures(group.get(0).right(), group.get(0).jurisdiction(), group.size(), complied, denied, median(days)));
    });
    return figures;
  }

  static Double median(List<Double> sorted) {
    if (sorted.isEmpty()) {
      return null;
    }
    int middle = sorted.size() / 2;
    double value = sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    return Math.round(value * 10) / 10.0;
  }

  @Override
  public DueBoard dueBoard(Instant now) {
    List<Instant> due = jdbc.sql("select due_at from privacy_request where completed_at is null").query((rs, n) -> at(rs, 1)).list();
    Instant soon = now.plus(Duration.ofDays(5));
    long past = due.stream().filter(d -> d.isBefore(now)).count();
    long within = due.stream().filter(d -> !d.isBefore(now) && !d.isAfter(soon)).count();
    return new DueBoard(due.size() - past - within, within, past);
  }

  @Override
  public java.util.Map<String, Long> openByDaysLeft(Instant now) {
    java.util.Map<String, Long> counts = new java.util.LinkedHashMap<>();
    DAYS_LEFT_BUCKETS.forEach(b -> counts.put(b, 0L));
    for (Instant due : jdbc.sql("select due_at from privacy_request where completed_at is null").query((rs, n) -> at(rs, 1)).list()) {
      String bucket;
      if (due.isBefore(now)) {
        bucket = "past_due";
      } else {
        long days = Duration.between(now, due).toDays();
        bucket = days <= 5 ? "0-5" : days <= 15 ? "6-15" : days <= 30 ? "16-30" : "31+";
      }
      counts.merge(bucket, 1L, Long::sum);
    }
    return counts;
  }

  @Override
  public List<Late> answeredLate(Instant since) {
    return jdbc.sql("""
        select ref_seq, rights, jurisdiction, due_at, completed_at from privacy_request
        where completed_at is not null and completed_at > due_at and received_at >= ? order by ref_seq desc""").param(Timestamp.from(since))
        .query((rs, n) -> new Late(PrivacyRequest.referenceOf(rs.getLong(1)), rs.getString(2), rs.getString(3), at(rs, 4), at(rs, 5))).list();
  }

  @Override
  public List<LogEntry> log(Instant since) {
    return jdbc.sql("""
        select ref_seq, channel, rights, jurisdiction, status, received_at, due_at, completed_at, extension_reason, deadline_missed
        from privacy_request where received_at >= ? order by ref_seq""").param(Timestamp.from(since))
        .query((rs, n) -> new LogEntry(PrivacyRequest.referenceOf(rs.getLong(1)), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), at(rs, 6), at(rs, 7), at(rs, 8), rs.getString(9) != null, rs.getBoolean(10))).list();
  }

  private static Instant at(ResultSet rs, int column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
