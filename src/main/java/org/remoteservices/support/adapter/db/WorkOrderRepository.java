package org.remoteservices.support.adapter.db;

import java.sql.Timestamp;
import java.util.Optional;
import org.remoteservices.shared.time.TimeSource;
import org.remoteservices.support.application.port.WorkOrderStore;
import org.remoteservices.support.domain.WorkOrder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class WorkOrderRepository implements WorkOrderStore {
  private final JdbcClient jdbc;
  private final TimeSource time;

  public WorkOrderRepository(JdbcClient jdbc, TimeSource time) {
    this.jdbc = jdbc;
    this.time = time;
  }

  @Override
  public void insert(String id, String supportRequestId, String summary, String actionsTaken, String recommendations, String documentedBy) {
    jdbc.sql("""
            insert into work_order (id, support_request_id, summary, actions_taken, recommendations, documented_by, created_at)
            values (?, ?, ?, ?, ?, ?, ?)""")
        .params(id, supportRequestId, summary, actionsTaken, recommendations, documentedBy, Timestamp.from(time.now()))
        .update();
  }

  @Override
  public Optional<WorkOrder> current(String supportRequestId) {
    return jdbc.sql("""
            select id, support_request_id, summary, actions_taken, recommendations, pdf_file from work_order
            where support_request_id = ? order by created_at desc, id fetch first 1 rows only""")
        .param(supportRequestId)
        .query((rs, n) -> new WorkOrder(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)))
        .optional();
  }

  @Override
  public void setPdf(String id, String pdfFile) {
    jdbc.sql("update work_order set pdf_file = ? where id = ?").params(pdfFile, id).update();
  }

  @Override
  public void markSent(String id) {
    jdbc.sql("update work_order set sent_at = ? where id = ?").params(Timestamp.from(time.now()), id).update();
  }
}
