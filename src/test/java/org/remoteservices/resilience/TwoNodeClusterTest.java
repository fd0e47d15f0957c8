package org.remoteservices.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.remoteservices.shared.security.Groups;
import org.remoteservices.testsupport.AppProcess;
import org.remoteservices.testsupport.HttpLifecycles;
import org.remoteservices.testsupport.HttpLifecycles.Case;
import org.remoteservices.testsupport.TestMailServer;
import org.remoteservices.testsupport.TestPostgres;

/**
 * Two application nodes, each its own JVM with the job executor on, share one PostgreSQL database and one
 * file store, as in production behind a load balancer. 200+ lifecycles are driven concurrently, every call
 * to a randomly chosen node. All must finish; each job runs once (each mail arrives once, counted per
 * mailbox on GreenMail); the optimistic-locking conflicts two nodes cause are retried by the engine and never
 * surface as a failed job or an incident.
 */
@Tag("slow")
class TwoNodeClusterTest {
  private static final int CASES = 200;

  @TempDir Path dir;

  @Test
  void twoNodesOnOnePostgresql_200ConcurrentLifecyclesAllFinish_everyJobOnce_noIncidents() throws Exception {
    GreenMail mail = TestMailServer.instance();
    mail.purgeEmailFromAllMailboxes();
    String dbUrl = TestPostgres.newDatabase();
    // production configuration: the postgres profile with the datasource, the privacy salt and the first administrator
    // from the environment (the demo profile, with its published passwords, refuses PostgreSQL); the staff accounts the
    // lifecycles use are created by that administrator once the first node is up
    String adminPassword = "Cluster-Admin-" + java.util.UUID.randomUUID();
    Map<String, String> env = Map.of("SPRING_PROFILES_ACTIVE", "postgres",
        "DB_URL", dbUrl, "DB_USER", TestPostgres.USER, "DB_PASSWORD", TestPostgres.PASSWORD,
        "RSO_PRIVACY_SALT", "cluster-test-salt-" + java.util.UUID.randomUUID(),
        "CAMUNDA_BPM_ADMIN_USER_ID", "admin", "CAMUNDA_BPM_ADMIN_USER_PASSWORD", adminPassword);
    String staffPassword = "Cluster-Staff-" + java.util.UUID.randomUUID();
    HttpLifecycles.Logins logins = new HttpLifecycles.Logins("admin:" + adminPassword, "olivia:" + staffPassword, "tom:" + staffPassword);
    List<String> args = List.of(
        "--rso.file-store.root=" + dir.resolve("shared-files").toAbsolutePath(), // one file store for both nodes
        "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + TestMailServer.port(),
        "--rso.public-base-url=http://portal.test",
        "--rso.rate-limit.enabled=false", // 200 lifecycles from one test client address
        "--rso.task-mails.enabled=false", // the staff's "a task waits" mails are not the lifecycle's, which this test counts
        "--camunda.bpm.job-execution.enabled=true");
    AppProcess node1 = new AppProcess("node1", AppProcess.freePort(), args, env);
    AppProcess node2 = new AppProcess("node2", AppProcess.freePort(), args, env);
    HttpLifecycles users = new HttpLifecycles(List.of(node1.baseUrl(), node2.baseUrl()), mail, logins);
    ExecutorService customers = Executors.newFixedThreadPool(8);
    try {
      node1.start(Duration.ofMinutes(3)); // the first node builds the schema; then the second joins
      HttpLifecycles.createStaff(node1.baseUrl(), logins.admin(), "olivia", staffPassword, Groups.OPERATORS);
      HttpLifecycles.createStaff(node1.baseUrl(), logins.admin(), "tom", staffPassword, Groups.TECHNICIANS);
      node2.start(Duration.ofMinutes(3));
      Instant start = Instant.now();

      List<Future<Case>> opened = new ArrayList<>();
      for (int n = 1; n <= CASES; n++) {
        int number = n;
        opened.add(customers.submit(() -> users.open(number)));
      }
      List<Case> cases = Collections.synchronizedList(new ArrayList<>());
      for (Future<Case> f : opened) {
        cases.add(f.get());
      }
      users.drive(cases, 8);
      HttpLifecycles.awaitAllDone(cases, Duration.ofMinutes(8));
      Duration took = Duration.between(start, Instant.now());

      for (Case c : cases) {
        CrashRecoveryTest.assertEachStepOnce(users, c);
        CrashRecoveryTest.assertMailsExactlyOnce(mail, c);
      }
      assertThat(users.query("/engine-rest/incident/count").get("count").asInt()).as("incidents").isZero();
      assertThat(users.query("/engine-rest/job/count?withException=true").get("count").asInt()).as("failed jobs").isZero();
      assertThat(users.query("/engine-rest/job/count?noRetriesLeft=true").get("count").asInt()).as("jobs out of retries").isZero();
      assertThat(users.query("/engine-rest/process-instance/count?processDefinitionKey=remote-support").get("count").asInt()).isZero();
      assertThat(users.query("/engine-rest/history/process-instance/count?processDefinitionKey=remote-support&finished=true")
          .get("count").asInt()).isEqualTo(CASES);

      // both nodes did the work, and met each other on the way
      long mailsByNode1 = count(node1, "mail [^ ]+ delivered");
      long mailsByNode2 = count(node2, "mail [^ ]+ delivered");
      long conflicts = count(node1, "OptimisticLockingException") + count(node2, "OptimisticLockingException");
      System.out.printf("cluster test: %d lifecycles in %ds; mails sent by node1 %d, node2 %d; optimistic-locking conflicts logged %d%n",
          CASES, took.toSeconds(), mailsByNode1, mailsByNode2, conflicts);
      assertThat(mailsByNode1 + mailsByNode2).isEqualTo(4L * CASES);
      assertThat(mailsByNode1).isPositive();
      assertThat(mailsByNode2).isPositive();
    } finally {
      customers.shutdownNow();
      users.close();
      node1.stop();
      node2.stop();
    }

    try (Connection db = DriverManager.getConnection(dbUrl, TestPostgres.USER, TestPostgres.PASSWORD); Statement s = db.createStatement()) {
      for (String table : List.of("rssv_form", "remote_session", "work_order", "survey")) {
        assertThat(single(s, "select count(*) from " + table)).as(table).isEqualTo(CASES);
        assertThat(single(s, "select count(distinct support_request_id) from " + table)).as(table).isEqualTo(CASES);
      }
      assertThat(single(s, "select count(*) from mail_record where status = 'SENT'")).isEqualTo(4 * CASES);
      assertThat(single(s, "select count(*) from mail_record")).isEqualTo(4 * CASES);
    }
  }

  private static long count(AppProcess node, String regex) throws Exception {
    Pattern p = Pattern.compile(regex);
    long n = 0;
    try (var files = Files.list(Path.of("target", "app-logs"))) {
      for (Path log : files.filter(f -> f.getFileName().toString().startsWith(node.name() + "-")).toList()) {
        try (var lines = Files.lines(log)) {
          n += lines.filter(l -> p.matcher(l).find()).count();
        }
      }
    }
    return n;
  }

  private static int single(Statement s, String sql) throws Exception {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
