package org.remoteservices.shared.lookup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Fills the lookup keys that V3 added for the rows written before it, with the application's own normalisation
 * ({@link LookupKeys}), which SQL cannot express the same way on H2 and PostgreSQL. Spring Boot hands Flyway every
 * {@code JavaMigration} bean; this one runs once, after V3, in Flyway's transaction.
 */
@Component
public class V4__FillLookupKeys extends BaseJavaMigration {
  private static final int BATCH = 1000;

  @Override
  public void migrate(Context context) throws Exception {
    Connection c = context.getConnection();
    try (Statement read = c.createStatement();
        ResultSet rs = read.executeQuery("select id, requester_email, requester_phone from support_request");
        PreparedStatement update = c.prepareStatement("update support_request set requester_email_key = ?, requester_phone_key = ? where id = ?")) {
      int pending = 0;
      while (rs.next()) {
        update.setString(1, LookupKeys.email(rs.getString(2)));
        update.setString(2, LookupKeys.phone(rs.getString(3)));
        update.setString(3, rs.getString(1));
        update.addBatch();
        if (++pending == BATCH) {
          update.executeBatch();
          pending = 0;
        }
      }
      update.executeBatch();
    }
    try (Statement read = c.createStatement();
        ResultSet rs = read.executeQuery("select id, recipients from mail_record");
        PreparedStatement insert = c.prepareStatement("insert into mail_recipient (mail_record_id, email_key) values (?, ?)")) {
      int pending = 0;
      while (rs.next()) {
        for (String key : LookupKeys.emails(java.util.List.of(rs.getString(2).split(",")))) {
          insert.setString(1, rs.getString(1));
          insert.setString(2, key);
          insert.addBatch();
          pending++;
        }
        if (pending >= BATCH) {
          insert.executeBatch();
          pending = 0;
        }
      }
      insert.executeBatch();
    }
  }
}
