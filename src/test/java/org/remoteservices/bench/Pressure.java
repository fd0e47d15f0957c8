package org.remoteservices.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.stream.Stream;
import org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor;
import org.remoteservices.shared.mail.MailOutbox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * What waits during a measured phase (issue 14 part B), sampled every 20 ms: threads waiting for a pooled connection
 * (Hikari's {@code hikaricp_connections_pending}), connections in use, jobs locked and queued in the job executor, busy
 * job threads, mails waiting for a delivery thread. Also the database server's own CPU time (PostgreSQL: the
 * postmaster and its backends, from /proc), which the JVM's CPU figure leaves out.
 */
final class Pressure implements AutoCloseable {
  private final Map<String, IntSupplier> gauges = new LinkedHashMap<>();
  private final Map<String, long[]> sums = new LinkedHashMap<>(); // sum, max, samples > 0
  private final Thread sampler;
  private volatile boolean running = true;
  private Runnable serverView = () -> { };
  private java.sql.Connection closeServerView;
  private long samples;

  Pressure(AppUnderTest app) {
    HikariDataSource pool = unwrap(app);
    if (pool != null && pool.getHikariPoolMXBean() != null) {
      gauges.put("threads waiting for a connection (hikaricp pending)", () -> pool.getHikariPoolMXBean().getThreadsAwaitingConnection());
      gauges.put("connections in use (of " + pool.getMaximumPoolSize() + ")", () -> pool.getHikariPoolMXBean().getActiveConnections());
    }
    if (app.engineConfiguration().getJobExecutor() instanceof SpringJobExecutor jobs
        && jobs.getTaskExecutor() instanceof ThreadPoolTaskExecutor executor) {
      gauges.put("jobs in the job executor's queue (of " + executor.getQueueCapacity() + ")", () -> executor.getThreadPoolExecutor().getQueue().size());
      gauges.put("busy job threads (of " + executor.getMaxPoolSize() + ")", executor::getActiveCount);
    }
    if (pool != null && pool.getJdbcUrl() != null && pool.getJdbcUrl().startsWith("jdbc:postgresql:")) {
      // the server's view, on a connection of its own (not from the pool it measures), every 5th sample (100 ms)
      try {
        java.sql.Connection own = java.sql.DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
        java.sql.PreparedStatement query = own.prepareStatement("""
            select coalesce(sum(case when wait_event_type = 'Lock' then 1 else 0 end), 0),
                   coalesce(sum(case when state = 'idle in transaction' then 1 else 0 end), 0),
                   coalesce(sum(case when state = 'active' and wait_event_type is null then 1 else 0 end), 0),
                   coalesce(sum(case when wait_event_type in ('IO', 'LWLock') or wait_event = 'WALWrite' then 1 else 0 end), 0)
            from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()""");
        int[] last = new int[4];
        int[] tick = new int[1];
        serverView = () -> {
          if (tick[0]++ % 5 == 0) {
            try (java.sql.ResultSet rs = query.executeQuery()) {
              rs.next();
              for (int i = 0; i < 4; i++) {
                last[i] = rs.getInt(i + 1);
              }
            } catch (java.sql.SQLException e) {
              java.util.Arrays.fill(last, 0);
            }
          }
        };
        closeServerView = own;
        gauges.put("PostgreSQL backends waiting for a lock", () -> last[0]);
        gauges.put("PostgreSQL backends idle in transaction (a transaction open while the JVM works)", () -> last[1]);
        gauges.put("PostgreSQL backends running (on CPU)", () -> last[2]);
        gauges.put("PostgreSQL backends waiting on IO, WAL or LWLock", () -> last[3]);
      } catch (java.sql.SQLException e) {
        // no server view
      }
    }
    MailOutbox outbox = app.bean(MailOutbox.class);
    gauges.put("mails waiting for a delivery thread", outbox::deliveriesQueued);
    gauges.keySet().forEach(k -> sums.put(k, new long[3]));
    sampler = new Thread(this::sample, "bench-pressure");
    sampler.setDaemon(true);
    sampler.start();
  }

  private static HikariDataSource unwrap(AppUnderTest app) {
    try {
      return app.dataSource().unwrap(HikariDataSource.class);
    } catch (Exception e) {
      return null;
    }
  }

  private void sample() {
    while (running) {
      serverView.run();
      synchronized (this) {
        samples++;
        gauges.forEach((name, gauge) -> {
          int v = gauge.getAsInt();
          long[] s = sums.get(name);
          s[0] += v;
          s[1] = Math.max(s[1], v);
          if (v > 0) {
            s[2]++;
          }
        });
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** "name: mean m, max x, non-zero p %" per gauge. */
  synchronized Map<String, String> summary() {
    Map<String, String> out = new LinkedHashMap<>();
    sums.forEach((name, s) -> out.put(name, String.format(Locale.ROOT, "mean %.2f, max %d, non-zero %.0f %% of the time",
        samples == 0 ? 0.0 : (double) s[0] / samples, s[1], samples == 0 ? 0.0 : 100.0 * s[2] / samples)));
    return out;
  }

  @Override
  public void close() {
    running = false;
    sampler.interrupt();
    try {
      sampler.join(1000);
      if (closeServerView != null) {
        closeServerView.close();
      }
    } catch (Exception ignored) {
      // done measuring
    }
  }

  /** PostgreSQL: the tables read most by sequential scans (cumulative since the application started). */
  static String seqScans(AppUnderTest app) {
    try {
      return String.join(", ", JdbcClient.create(app.dataSource()).sql("""
              select relname, seq_scan, seq_tup_read, coalesce(idx_scan, 0) from pg_stat_user_tables
              where seq_tup_read > 0 order by seq_tup_read desc limit 8""")
          .query((rs, n) -> rs.getString(1) + " " + rs.getLong(2) + " scans/" + rs.getLong(3) + " rows (index scans " + rs.getLong(4) + ")")
          .list());
    } catch (Exception notPostgres) {
      return "";
    }
  }

  /**
   * PostgreSQL: transactions committed and rolled back in the application's database so far ({@code pg_stat_database};
   * the statistics reach it within half a second). {@code null} elsewhere.
   */
  static long[] transactions(AppUnderTest app) {
    try {
      return JdbcClient.create(app.dataSource()).sql("""
              select xact_commit, xact_rollback from pg_stat_database where datname = current_database()""")
          .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
    } catch (Exception notPostgres) {
      return null;
    }
  }

  /**
   * Starts counting statements anew (PostgreSQL with {@code pg_stat_statements} loaded, -Dbench.pgStatements=true):
   * each phase has a database of its own, in which the extension's functions exist only once it is created.
   */
  static void resetStatements(AppUnderTest app) {
    try {
      JdbcClient jdbc = JdbcClient.create(app.dataSource());
      jdbc.sql("create extension if not exists pg_stat_statements").update();
      jdbc.sql("select pg_stat_statements_reset()").query(Object.class).list();
    } catch (Exception notAvailable) {
      // not PostgreSQL, or the extension is not loaded
    }
  }

  /**
   * PostgreSQL with {@code pg_stat_statements}: the statements of the application's database that took the server
   * most time since {@link #resetStatements}, per lifecycle, and their total; every statement's calls and time per
   * lifecycle go to {@code file} (tab-separated, to compare the floor's with the real run's). Empty when not available.
   */
  static String statements(AppUnderTest app, int lifecycles, Path file) {
    try {
      JdbcClient jdbc = JdbcClient.create(app.dataSource());
      String where = "from pg_stat_statements s join pg_database d on d.oid = s.dbid where d.datname = current_database() "
          + "and s.query not like '%pg_stat%'";
      double n = Math.max(1, lifecycles);
      String total = jdbc.sql("select coalesce(sum(calls), 0), coalesce(sum(total_exec_time), 0) " + where)
          .query((rs, i) -> String.format(Locale.ROOT, "%.0f statements and %.1f ms of execution per lifecycle", rs.getLong(1) / n,
              rs.getDouble(2) / n))
          .single();
      java.util.List<String> top = jdbc.sql("select calls, total_exec_time, query " + where + " order by total_exec_time desc limit 12")
          .query((rs, i) -> String.format(Locale.ROOT, "%.1f calls %.2f ms `%s`", rs.getLong(1) / n, rs.getDouble(2) / n,
              rs.getString(3).replaceAll("\\s+", " ").replace('`', '\'').substring(0, Math.min(90, rs.getString(3).replaceAll("\\s+", " ").length()))))
          .list();
      java.util.List<String> all = jdbc.sql("select calls, total_exec_time, rows, query " + where + " order by calls desc")
          .query((rs, i) -> String.format(Locale.ROOT, "%.2f\t%.3f\t%.2f\t%s", rs.getLong(1) / n, rs.getDouble(2) / n, rs.getLong(3) / n,
              rs.getString(4).replaceAll("\\s+", " ")))
          .list();
      Files.write(file, Stream.concat(Stream.of("calls per lifecycle\tms per lifecycle\trows per lifecycle\tstatement"), all.stream()).toList());
      return total + "; most time: " + String.join("; ", top);
    } catch (Exception notAvailable) {
      return "";
    }
  }

  /** The database server's CPU milliseconds so far (PostgreSQL on this machine; -1 when not measurable, e.g. H2). */
  static long databaseCpuMillis(AppUnderTest app) {
    try {
      Integer backend = JdbcClient.create(app.dataSource()).sql("select pg_backend_pid()").query(Integer.class).single();
      long postmaster = Long.parseLong(stat(backend)[3]);
      String[] pm = stat(postmaster);
      long ticks = Long.parseLong(pm[13]) + Long.parseLong(pm[14]) + Long.parseLong(pm[15]) + Long.parseLong(pm[16]);
      try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
        for (Path proc : (Iterable<Path>) procs::iterator) {
          String name = proc.getFileName().toString();
          if (!name.chars().allMatch(Character::isDigit)) {
            continue;
          }
          try {
            String[] child = stat(Long.parseLong(name));
            if (Long.parseLong(child[3]) == postmaster) {
              ticks += Long.parseLong(child[13]) + Long.parseLong(child[14]);
            }
          } catch (Exception gone) {
            // exited meanwhile: its time is in the postmaster's cutime/cstime
          }
        }
      }
      return ticks * 10; // USER_HZ = 100 on Linux
    } catch (Exception notPostgres) {
      return -1;
    }
  }

  /** /proc/pid/stat fields, numbered as in proc(5) minus one (field 2, the name, may hold spaces). */
  private static String[] stat(long pid) throws java.io.IOException {
    String text = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
    String afterName = text.substring(text.lastIndexOf(')') + 2);
    String[] rest = afterName.trim().split(" ");
    String[] fields = new String[rest.length + 2];
    fields[0] = String.valueOf(pid);
    fields[1] = "name";
    System.arraycopy(rest, 0, fields, 2, rest.length);
    return fields;
  }
}
