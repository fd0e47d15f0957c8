package org.remoteservices.support.adapter.db;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.remoteservices.support.api.SupportFigures;
import org.remoteservices.support.domain.SupportRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The support figures from the case tables. */
@Repository
public class SupportFiguresRepository implements SupportFigures {
  private final JdbcClient jdbc;

  public SupportFiguresRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<Count> requestsByStatus() {
    return jdbc.sql("select status, count(*) from support_request group by status order by status")
        .query((rs, n) -> new Count(rs.getString(1), rs.getLong(2))).list();
  }

  @Override
  public Csat csat(Instant since) {
    return jdbc.sql("""
        select count(*), coalesce(sum(case when rating >= 4 then 1 else 0 end), 0) from survey
        where answered_at is not null and rating is not null and answered_at >= ?""").param(Timestamp.from(since))
        .query((rs, n) -> new Csat(rs.getLong(1), rs.getLong(2))).single();
  }

  @Override
  public List<DueForDestruction> dueForDestruction(Instant until) {
    List<DueForDestruction> due = new ArrayList<>();
    jdbc.sql("""
        select sr.case_seq, r.kind, r.destroy_after from recording r join support_request sr on sr.id = r.support_request_id
        where r.destroyed_at is null and r.destroy_after <= ?""").param(Timestamp.from(until))
        .query((rs, n) -> due.add(new DueForDestruction(SupportRequest.caseNumberOf(rs.getLong(1)), "recording",
            "FILE".equals(rs.getString(2)) ? "recording file" : "recording reference",
            rs.getTimestamp(3).toInstant().atOffset(ZoneOffset.UTC).toLocalDate()))).list();
    jdbc.sql("""
        select sr.case_seq, f.category, f.retain_until from support_file f join support_request sr on sr.id = f.support_request_id
        where f.retain_until <= ?""").param(until.atOffset(ZoneOffset.UTC).toLocalDate())
        .query((rs, n) -> due.add(new DueForDestruction(SupportRequest.caseNumberOf(rs.getLong(1)), "support file", rs.getString(2),
            rs.getObject(3, LocalDate.class)))).list();
    due.sort(Comparator.comparing(DueForDestruction::dueOn));
    return due;
  }
}
