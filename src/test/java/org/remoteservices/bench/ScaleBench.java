package org.remoteservices.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How the cost grows with the data. A generator fills the database with N subjects (requesters) and their finished
 * lifecycles, then the status API, the lookup of a subject's requests by e-mail, and (once merged) erasure and access
 * are timed at each size.
 *
 * <p>The generator runs a few real lifecycles through the application first, takes one finished one as the template and
 * copies all of its rows, domain tables and engine history alike, once per subject with fresh ids (JDBC batches): the
 * support request, its RSSV form, the returned copy, link tokens, session, recording reference, support files, work
 * order, survey, every mail on record with its attachments, and the remote-support instance's complete history
 * (ACT_HI_PROCINST, ACTINST, TASKINST, VARINST, DETAIL, IDENTITYLINK, OP_LOG, JOB_LOG ...). Not copied: files in the
 * file store, and the recording-retention instances (runtime timers); each generated subject has its own e-mail address.
 */
public final class ScaleBench {
  public record ScaleResult(String db, int subjects, long rows, double generationSeconds, Samples.Summary status, Samples.Summary byEmail,
      String erase, String access, Map<String, String> plans) {}

  private static final Pattern UUID_IN_TEXT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static final Pattern UUID_SHAPE = Pattern.compile("([A-Za-z0-9_:.-]*:)?" + UUID_IN_TEXT.pattern());
  private static final Set<String> ID_COLUMNS = Set.of("ID", "ID_", "PROC_INST_ID_", "ROOT_PROC_INST_ID_", "EXECUTION_ID_", "ACT_INST_ID_",
      "PARENT_ACT_INST_ID_", "TASK_ID_", "PARENT_TASK_ID_", "JOB_ID_", "VAR_INST_ID_", "BUSINESS_KEY_", "OPERATION_ID_", "SUPPORT_REQUEST_ID",
      "RSSV_FORM_ID", "REMOTE_SESSION_ID", "MAIL_RECORD_ID", "TARGET_ID", "RECORDING_ID", "TOKEN_HASH", "REFERENCE_CODE", "IDEMPOTENCY_KEY",
      "SCOPE_ACTIVITY_INSTANCE_ID_", "CALL_PROC_INST_ID_", "SUPER_PROCESS_INSTANCE_ID_", "FILE_KEY", "PDF_FILE", "REQUESTER_EMAIL", "RECIPIENTS");
  private static final Set<String> DROP_COLUMNS = Set.of("CASE_SEQ", "BYTEARRAY_ID_", "EXCEPTION_STACK_ID_", "REMOVAL_TIME_");

  private final BenchConfig config;
  private final Path work;
  private final MailSink mail;
  private final HttpClient http;

  ScaleBench(BenchConfig config, Path work, MailSink mail, HttpClient http) {
    this.config = config;
    this.work = work;
    this.mail = mail;
    this.http = http;
  }

  List<ScaleResult> run(EmbeddedPostgres postgres) throws Exception {
    List<ScaleResult> out = new ArrayList<>();
    for (String db : config.dbs()) {
      String name = db + "-scale";
      Path dir = work.resolve(name);
      Files.createDirectories(dir);
      AppUnderTest.Db database;
      if (db.equals("h2")) {
        database = new AppUnderTest.Db("h2", dir.resolve("db").resolve("rso").toString(), "sa", "");
      } else {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
          s.execute("create database scale");
        }
        database = new AppUnderTest.Db("postgres", postgres.getJdbcUrl("postgres", "scale") + "&reWriteBatchedInserts=true", "postgres", "postgres");
      }
      System.out.println("[bench] " + name + ": starting the application");
      try (AppUnderTest app = AppUnderTest.start(name, database, false, mail, dir, config.appArgs())) {
        LifecycleDriver driver = new LifecycleDriver(http, app.port, mail, false, app.jobNumbers, name);
        List<String> errors = new ArrayList<>();
        Benchmark.closedLoop(driver, 0, 4, 2, new Samples(), errors);
        if (!errors.isEmpty()) {
          throw new IllegalStateException("template lifecycles failed: " + errors);
        }
        Template template = Template.read(app.dataSource());
        int have = 0;
        long rows = 0;
        for (int target : config.scale()) {
          long t0 = System.nanoTime();
          rows += generateWithoutPerCommitWrites(app.dataSource(), template, have, target, db);
          double seconds = (System.nanoTime() - t0) / 1e9;
          have = target;
          analyze(app.dataSource(), db);
          System.out.println("[bench] " + name + ": " + target + " subjects generated (" + rows + " rows, " + String.format("%.0f s", seconds) + ")");
          out.add(measure(app, db, target, rows, seconds));
        }
      }
    }
    return out;
  }

  private ScaleResult measure(AppUnderTest app, String db, int subjects, long rows, double seconds) throws Exception {
    JdbcClient jdbc = JdbcClient.create(app.dataSource());
    Samples samples = new Samples();
    String auth = "Basic " + Base64.getEncoder().encodeToString((BenchUsers.OPERATOR + ":" + BenchUsers.PASSWORD).getBytes(StandardCharsets.UTF_8));
    for (int i = 0; i < 400; i++) {
      int k = pickUnerased(subjects);
      String id = jdbc.sql("select id from support_request where requester_email_key = ?").param(email(k)).query(String.class).single();
      HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port + "/api/support-requests/" + id))
          .header("Authorization", auth).GET().build();
      long t0 = System.nanoTime();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      long t1 = System.nanoTime();
      if (response.statusCode() != 200) {
        throw new IllegalStateException("status API answered " + response.statusCode());
      }
      if (i >= 100) {
        samples.add("status", t1 - t0);
      }
      String other = email(pickUnerased(subjects));
      long t2 = System.nanoTime();
      List<String> ids = jdbc.sql("select id from support_request where requester_email_key = ?").param(other).query(String.class).list();
      jdbc.sql("""
          select id, subject, status from mail_record where id in (select id from mail_record where support_request_id in (:ids)
          union select mail_record_id from mail_recipient where email_key = :email)""").param("ids", ids).param("email", other).query().listOfRows();
      long t3 = System.nanoTime();
      if (i >= 100) {
        samples.add("byEmail", t3 - t2);
      }
    }
    // the privacy operations, each for subjects picked at random (one warm-up each, not counted, then the median of 3)
    SubjectRightsProbe probe = new SubjectRightsProbe(mail);
    List<SubjectRightsProbe.Timed> accesses = new ArrayList<>();
    List<SubjectRightsProbe.Timed> erasures = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      String subject = email(pickUnerased(subjects));
      SubjectRightsProbe.Timed a = probe.access(app, subject);
      SubjectRightsProbe.Timed e = probe.erase(app, subject);
      erased.add(subject);
      System.out.printf(Locale.ROOT, "[bench] %s, %d subjects: access %.0f ms (%s), erasure %.0f ms (%s)%n", db, subjects, a.millis(), a.what(),
          e.millis(), e.what());
      if (i > 0) {
        accesses.add(a);
        erasures.add(e);
      }
    }
    String access = median(accesses);
    String erase = median(erasures);
    return new ScaleResult(db, subjects, rows, seconds, samples.summary("status"), samples.summary("byEmail"), erase, access, plans(app.dataSource(), db, subjects));
  }

  private final Set<String> erased = new java.util.HashSet<>();
  private static final java.util.concurrent.atomic.AtomicLong REFERENCE_CODES = new java.util.concurrent.atomic.AtomicLong();

  private int pickUnerased(int subjects) {
    while (true) {
      int k = ThreadLocalRandom.current().nextInt(subjects);
      if (!erased.contains(email(k))) {
        return k;
      }
    }
  }

  /** "median ms (min-max; what the median one did)". */
  private static String median(List<SubjectRightsProbe.Timed> runs) {
    List<SubjectRightsProbe.Timed> sorted = runs.stream().sorted(java.util.Comparator.comparingDouble(SubjectRightsProbe.Timed::millis)).toList();
    SubjectRightsProbe.Timed m = sorted.get(sorted.size() / 2);
    return String.format(Locale.ROOT, "%.0f (%.0f-%.0f; %s)", m.millis(), sorted.get(0).millis(), sorted.get(sorted.size() - 1).millis(), m.what());
  }

  /** The plans of the lookups an access or erasure request makes, by subject e-mail and by request id. */
  private Map<String, String> plans(DataSource ds, String db, int subjects) throws Exception {
    Map<String, String> plans = new LinkedHashMap<>();
    // a subject still there: the erasure probes just before erased four picked at random (subjects / 2 among them
    // now and then, and this lookup found nothing)
    int k = pickUnerased(subjects);
    String email = email(k);
    String id = JdbcClient.create(ds).sql("select id from support_request where requester_email_key = ?").param(email).query(String.class).single();
    String phoneKey = org.remoteservices.shared.lookup.LookupKeys.phone(phone(k));
    String pi = JdbcClient.create(ds).sql("select ID_ from ACT_HI_PROCINST where BUSINESS_KEY_ = ?").param(id).query(String.class).single();
    Map<String, String> queries = new LinkedHashMap<>();
    queries.put("support_request by e-mail key", "select id from support_request where requester_email_key = '" + email + "'");
    queries.put("support_request by phone key", "select id from support_request where requester_phone_key = '" + phoneKey + "'");
    queries.put("mail_recipient by e-mail key", "select mail_record_id from mail_recipient where email_key = '" + email + "'");
    queries.put("mails of a subject (by request or recipient)", "select subject from mail_record where id in (select id from mail_record where "
        + "support_request_id in ('" + id + "') union select mail_record_id from mail_recipient where email_key = '" + email + "')");
    queries.put("mail_record by support_request_id", "select id from mail_record where support_request_id = '" + id + "'");
    queries.put("access_token by target_id", "select token_hash from access_token where target_id = '" + id + "'");
    queries.put("job by contact e-mail", "select job_number from job where site_contact_email = '" + email + "' or scheduling_contact_email = '" + email + "'");
    queries.put("ACT_HI_PROCINST by BUSINESS_KEY_", "select ID_ from ACT_HI_PROCINST where BUSINESS_KEY_ = '" + id + "'");
    queries.put("ACT_HI_VARINST by PROC_INST_ID_", "select ID_ from ACT_HI_VARINST where PROC_INST_ID_ = '" + pi + "'");
    queries.put("ACT_HI_DETAIL by PROC_INST_ID_", "select ID_ from ACT_HI_DETAIL where PROC_INST_ID_ = '" + pi + "'");
    queries.put("ACT_HI_OP_LOG by PROC_INST_ID_", "select ID_ from ACT_HI_OP_LOG where PROC_INST_ID_ = '" + pi + "'");
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      for (Map.Entry<String, String> q : queries.entrySet()) {
        StringBuilder plan = new StringBuilder();
        try (ResultSet rs = s.executeQuery("explain " + q.getValue())) {
          while (rs.next()) {
            plan.append(rs.getString(1)).append(' ');
          }
        }
        String text = plan.toString().replace(email, "?").replace(id, "?").replace(pi, "?").replace(phoneKey, "?");
        if (db.equals("h2")) {
          Matcher m = Pattern.compile("/\\*\\s*([^*]*?)\\s*\\*/").matcher(text);
          text = m.find() ? m.group(1) : text;
        }
        plans.put(q.getKey(), text.length() > 180 ? text.substring(0, 180) + "…" : text);
      }
    }
    return plans;
  }

  static String email(int k) {
    return "subject-" + k + "@scale.example.com";
  }

  static String name(int k) {
    return "Scale Subject " + k;
  }

  static String phone(int k) {
    return String.format(Locale.ROOT, "+1 555 %07d", k);
  }

  private static void analyze(DataSource ds, String db) throws Exception {
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      s.execute("analyze");
    }
  }

  /** One finished lifecycle's rows: table -> rows (column -> value). */
  record Template(String requestId, String email, String name, String phone, Map<String, List<Map<String, Object>>> tables) {
    int rowCount() {
      return tables.values().stream().mapToInt(List::size).sum();
    }

    static Template read(DataSource ds) throws Exception {
      JdbcClient jdbc = JdbcClient.create(ds);
      String pi = jdbc.sql("select ID_ from ACT_HI_PROCINST where PROC_DEF_KEY_ = 'remote-support' and END_TIME_ is not null order by START_TIME_ fetch first 1 rows only")
          .query(String.class).single();
      String request = jdbc.sql("select BUSINESS_KEY_ from ACT_HI_PROCINST where ID_ = ?").param(pi).query(String.class).single();
      String[] person = jdbc.sql("select requester_email, requester_name, requester_phone from support_request where id = ?").param(request)
          .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).single();
      Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
      try (Connection c = ds.getConnection()) {
        select(c, tables, "support_request", "id = ?", request);
        select(c, tables, "rssv_form", "support_request_id = ?", request);
        select(c, tables, "rssv_return", "rssv_form_id in (select id from rssv_form where support_request_id = ?)", request);
        select(c, tables, "access_token", "target_id in (select id from rssv_form where support_request_id = ? union select id from survey where support_request_id = ?)", request, request);
        select(c, tables, "remote_session", "support_request_id = ?", request);
        select(c, tables, "recording", "support_request_id = ?", request);
        select(c, tables, "support_file", "support_request_id = ?", request);
        select(c, tables, "work_order", "support_request_id = ?", request);
        select(c, tables, "survey", "support_request_id = ?", request);
        select(c, tables, "mail_record", "support_request_id = ?", request);
        select(c, tables, "mail_attachment", "mail_record_id in (select id from mail_record where support_request_id = ?)", request);
        select(c, tables, "mail_recipient", "mail_record_id in (select id from mail_record where support_request_id = ?)", request);
        DatabaseMetaData meta = c.getMetaData();
        List<String> history = new ArrayList<>();
        try (ResultSet rs = meta.getTables(null, null, "%", new String[] {"TABLE"})) {
          while (rs.next()) {
            String table = rs.getString("TABLE_NAME");
            if (table.toUpperCase(Locale.ROOT).startsWith("ACT_HI_") && !history.contains(table.toUpperCase(Locale.ROOT))) {
              try (ResultSet cols = meta.getColumns(null, rs.getString("TABLE_SCHEM"), table, "%")) {
                while (cols.next()) {
                  if (cols.getString("COLUMN_NAME").equalsIgnoreCase("PROC_INST_ID_")) {
                    history.add(table.toUpperCase(Locale.ROOT));
                    break;
                  }
                }
              }
            }
          }
        }
        for (String table : history) {
          select(c, tables, table, "PROC_INST_ID_ = ?", pi);
        }
      }
      tables.values().removeIf(List::isEmpty);
      return new Template(request, person[0], person[1], person[2], tables);
    }

    private static void select(Connection c, Map<String, List<Map<String, Object>>> tables, String table, String where, String... params) throws Exception {
      List<Map<String, Object>> rows = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("select * from " + table + " where " + where)) {
        for (int i = 0; i < params.length; i++) {
          ps.setString(i + 1, params[i]);
        }
        try (ResultSet rs = ps.executeQuery()) {
          ResultSetMetaData md = rs.getMetaData();
          while (rs.next()) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
              String column = md.getColumnName(i).toUpperCase(Locale.ROOT);
              if (!DROP_COLUMNS.contains(column)) {
                row.put(column, rs.getObject(i));
              }
            }
            rows.add(row);
          }
        }
      }
      tables.put(table, rows);
    }
  }

  /**
   * H2 only: while the generator loads, H2 writes commits in the background (WRITE_DELAY 500, its own default), then the
   * application's setting (0, every commit written at once) is restored for the measurements. With per-commit writes
   * H2's background compaction does not run and the file grew by 4 GB a minute during the load (18 GB at 10,000
   * subjects, more than the disk at 100,000); the load is not what is measured.
   */
  private long generateWithoutPerCommitWrites(DataSource ds, Template template, int from, int to, String db) throws Exception {
    if (!db.equals("h2")) {
      return generate(ds, template, from, to, db);
    }
    Map<String, String> before = new LinkedHashMap<>();
    try (Connection c = ds.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select setting_name, setting_value from information_schema.settings "
            + "where setting_name in ('WRITE_DELAY', 'RETENTION_TIME')")) {
      while (rs.next()) {
        before.put(rs.getString(1), rs.getString(2));
      }
      s.execute("set write_delay 500");
      s.execute("set retention_time 0");
    }
    try {
      return generate(ds, template, from, to, db);
    } finally {
      try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
        for (Map.Entry<String, String> setting : before.entrySet()) {
          s.execute("set " + setting.getKey() + " " + Integer.parseInt(setting.getValue()));
        }
      }
    }
  }

  /** Copies the template once per subject in [from, to); returns the rows written. */
  private long generate(DataSource ds, Template template, int from, int to, String db) throws Exception {
    long rows = 0;
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      Map<String, PreparedStatement> inserts = new LinkedHashMap<>();
      for (Map.Entry<String, List<Map<String, Object>>> t : template.tables().entrySet()) {
        List<String> columns = new ArrayList<>(t.getValue().get(0).keySet());
        inserts.put(t.getKey(), c.prepareStatement("insert into " + t.getKey() + " (" + String.join(", ", columns) + ") values ("
            + String.join(", ", columns.stream().map(x -> "?").toList()) + ")"));
      }
      int batchSubjects = 1000;
      for (int k = from; k < to; k++) {
        Map<String, String> ids = new java.util.HashMap<>();
        Person person = new Person(email(k), name(k), phone(k));
        for (Map.Entry<String, List<Map<String, Object>>> t : template.tables().entrySet()) {
          PreparedStatement ps = inserts.get(t.getKey());
          boolean domain = !t.getKey().toUpperCase(Locale.ROOT).startsWith("ACT_");
          for (Map<String, Object> row : t.getValue()) {
            int i = 1;
            for (Map.Entry<String, Object> col : row.entrySet()) {
              Object value = col.getValue();
              if (value instanceof String s) {
                value = copy(col.getKey(), s, ids, domain, template, person);
              }
              ps.setObject(i++, value);
            }
            ps.addBatch();
            rows++;
          }
        }
        if ((k - from + 1) % batchSubjects == 0 || k == to - 1) {
          for (PreparedStatement ps : inserts.values()) {
            ps.executeBatch();
          }
          c.commit();
        }
      }
      for (PreparedStatement ps : inserts.values()) {
        ps.close();
      }
    }
    return rows;
  }

  /** The data points a generated subject has of their own (the rest of the template, e.g. the job, is shared). */
  record Person(String email, String name, String phone) {}

  private static String copy(String column, String value, Map<String, String> ids, boolean domain, Template from, Person to) {
    if (column.equals("REQUESTER_EMAIL_KEY") || column.equals("EMAIL_KEY") && value.equals(org.remoteservices.shared.lookup.LookupKeys.email(from.email()))) {
      return org.remoteservices.shared.lookup.LookupKeys.email(to.email());
    }
    if (column.equals("REQUESTER_PHONE_KEY")) {
      return org.remoteservices.shared.lookup.LookupKeys.phone(to.phone());
    }
    String mapped = ids.get(value);
    if (mapped != null) {
      return mapped;
    }
    if (ID_COLUMNS.contains(column)) {
      if (UUID_SHAPE.matcher(value).matches()) {
        return ids.computeIfAbsent(value, v -> v.substring(0, v.length() - 36) + UUID.randomUUID());
      }
      if (column.equals("TOKEN_HASH")) {
        return ids.computeIfAbsent(value, v -> HexFormat.of().formatHex(randomBytes(32)));
      }
      if (column.equals("REFERENCE_CODE")) {
        // unique by construction: 32 random bits collide among 100,000 forms more often than not (birthday bound)
        return ids.computeIfAbsent(value, v -> String.format(Locale.ROOT, "RSSV-G%08d", REFERENCE_CODES.incrementAndGet()));
      }
    }
    if (domain && value.length() >= 36) {
      Matcher m = UUID_IN_TEXT.matcher(value);
      StringBuilder sb = new StringBuilder();
      while (m.find()) {
        m.appendReplacement(sb, Matcher.quoteReplacement(ids.computeIfAbsent(m.group(), v -> UUID.randomUUID().toString())));
      }
      m.appendTail(sb);
      value = sb.toString();
    }
    if (domain) {
      value = value.replace(from.email(), to.email()).replace(from.name(), to.name()).replace(from.phone(), to.phone());
    }
    return value;
  }

  private static byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    ThreadLocalRandom.current().nextBytes(b);
    return b;
  }
}
