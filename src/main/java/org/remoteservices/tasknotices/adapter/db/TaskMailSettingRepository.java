package org.remoteservices.tasknotices.adapter.db;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.remoteservices.shared.data.DataOwner;
import org.remoteservices.shared.data.OwnedTable;
import org.remoteservices.tasknotices.application.port.TaskMailSettings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code task_mail_setting} (V15): a staff member's own switch for task mails. Declared without personal columns: it
 * holds a staff account's id and a flag, no customer's data (privacy requests are about customers and their contacts;
 * staff accounts live in Camunda's identity tables, outside the subject-data providers). Removing a staff account
 * leaves a row that no mail uses.
 */
@Repository
public class TaskMailSettingRepository implements TaskMailSettings, DataOwner {
  private final JdbcClient jdbc;

  public TaskMailSettingRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<OwnedTable> tables() {
    return List.of(OwnedTable.table("task_mail_setting", List.of("user_id", "mails_on", "updated_at")));
  }

  @Override
  public boolean mailsOn(String userId) {
    return jdbc.sql("select mails_on from task_mail_setting where user_id = ?").param(userId).query(Boolean.class).optional().orElse(true);
  }

  @Override
  public void set(String userId, boolean on, Instant at) {
    int updated = jdbc.sql("update task_mail_setting set mails_on = ?, updated_at = ? where user_id = ?").param(on).param(Timestamp.from(at))
        .param(userId).update();
    if (updated == 0) {
      try {
        jdbc.sql("insert into task_mail_setting (user_id, mails_on, updated_at) values (?, ?, ?)").param(userId).param(on).param(Timestamp.from(at))
            .update();
      } catch (org.springframework.dao.DuplicateKeyException raced) {
        jdbc.sql("update task_mail_setting set mails_on = ?, updated_at = ? where user_id = ?").param(on).param(Timestamp.from(at)).param(userId).update();
      }
    }
  }
}
