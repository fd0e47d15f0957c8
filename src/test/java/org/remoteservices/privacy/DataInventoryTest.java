package org.remoteservices.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.remoteservices.privacy.api.SubjectDataProvider;
import org.remoteservices.shared.data.DataOwner;
import org.remoteservices.shared.data.OwnedTable;
import org.remoteservices.shared.lookup.V4__FillLookupKeys;
import org.remoteservices.testsupport.IntegrationTest;
import org.remoteservices.testsupport.TestPostgres;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The inventory that cannot be fooled by forgetting: the live schema (the database's own metadata, on H2 and on
 * a real PostgreSQL migrated by the same Flyway scripts) against what the owners declare. A table or column that
 * no owner declares fails here, before an erasure silently misses it; so does a declaration that no longer
 * matches the schema, a table declared twice, and a table with personal data whose owner is no subject-data
 * provider (access and erasure would not reach it). The engine's ACT_* tables and Flyway's history are not ours.
 */
class DataInventoryTest extends IntegrationTest {
  @Autowired List<DataOwner> owners;
  @Autowired DataSource dataSource;

  @Test
  void everyTableAndColumnOfTheH2SchemaIsDeclaredByExactlyOneOwner() throws SQLException {
    assertDeclared(liveSchema(dataSource));
  }

  @Test
  void everyTableAndColumnOfThePostgresSchemaIsDeclaredByExactlyOneOwner() throws SQLException {
    DriverManagerDataSource postgres = new DriverManagerDataSource(TestPostgres.newDatabase(), TestPostgres.USER, TestPostgres.PASSWORD);
    Flyway.configure().dataSource(postgres).locations("classpath:db/migration").javaMigrations(new V4__FillLookupKeys()).load().migrate();
    assertDeclared(liveSchema(postgres));
  }

  @Test
  void aTableWithPersonalDataIsOwnedByASubjectDataProvider() {
    List<String> unreachable = new ArrayList<>();
    for (DataOwner owner : owners) {
      for (OwnedTable table : owner.tables()) {
        if (table.holdsPersonalData() && !(owner instanceof SubjectDataProvider)) {
          unreachable.add(table.name() + " (" + owner.getClass().getSimpleName() + ")");
        }
      }
    }
    assertThat(unreachable).as("tables with personal data that access and erasure cannot reach").isEmpty();
  }

  @Test
  void theInventoryNamesEveryPersonalDataStoreWeKnowOf() {
    // a check of the check: these columns hold the subject's data for certain; an owner that stops declaring them fails here
    Map<String, Set<String>> personal = new TreeMap<>();
    owners.forEach(o -> o.tables().forEach(t -> personal.put(t.name(), t.personal())));
    assertThat(personal.get("support_request")).contains("requester_name", "requester_email", "requester_phone");
    assertThat(personal.get("mail_record")).contains("recipients");
    assertThat(personal.get("mail_content")).contains("body", "html_body");
    assertThat(personal.get("privacy_request")).contains("requester_name", "requester_email", "agent_email");
    assertThat(personal.get("job")).contains("location_address", "site_contact_email");
  }

  private void assertDeclared(Map<String, Set<String>> live) {
    Map<String, Set<String>> declared = new TreeMap<>();
    Map<String, String> ownerOf = new TreeMap<>();
    List<String> twice = new ArrayList<>();
    for (DataOwner owner : owners) {
      for (OwnedTable table : owner.tables()) {
        String previous = ownerOf.put(table.name(), owner.getClass().getSimpleName());
        if (previous != null) {
          twice.add(table.name() + " (" + previous + ", " + owner.getClass().getSimpleName() + ")");
        }
        declared.put(table.name(), new TreeSet<>(table.columns()));
      }
    }
    assertThat(twice).as("tables declared by two owners").isEmpty();
    List<String> undeclared = new ArrayList<>();
    live.forEach((table, columns) -> {
      if (!declared.containsKey(table)) {
        undeclared.add(table + " (the whole table)");
      } else {
        columns.stream().filter(c -> !declared.get(table).contains(c)).forEach(c -> undeclared.add(table + "." + c));
      }
    });
    assertThat(undeclared).as("tables and columns of our schema that no owner declares").isEmpty();
    List<String> stale = new ArrayList<>();
    declared.forEach((table, columns) -> {
      if (!live.containsKey(table)) {
        stale.add(table + " (the whole table)");
      } else {
        columns.stream().filter(c -> !live.get(table).contains(c)).forEach(c -> stale.add(table + "." + c));
      }
    });
    assertThat(stale).as("declared tables and columns the schema does not have").isEmpty();
  }

  /** Table name to column names, lower case, of the project's own tables in the connection's current schema. */
  static Map<String, Set<String>> liveSchema(DataSource dataSource) throws SQLException {
    Map<String, Set<String>> tables = new TreeMap<>();
    try (Connection c = dataSource.getConnection()) {
      DatabaseMetaData meta = c.getMetaData();
      String schema = c.getSchema();
      try (ResultSet rs = meta.getColumns(c.getCatalog(), schema, "%", "%")) {
        while (rs.next()) {
          String table = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
          if (table.startsWith("act_") || table.equals("flyway_schema_history")) {
            continue;
          }
          tables.computeIfAbsent(table, t -> new TreeSet<>()).add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
        }
      }
    }
    assertThat(tables).as("the schema was read").containsKeys("support_request", "privacy_request", "mail_record");
    return tables;
  }
}
