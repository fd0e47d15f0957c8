package org.remoteservices.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.remoteservices.support.adapter.camunda.RemoteSupportProcess.Elements.*;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.remoteservices.jobs.api.Job;
import org.remoteservices.testsupport.IntegrationTest;
import org.remoteservices.testsupport.Lifecycle;
import org.remoteservices.testsupport.Mails;
import org.remoteservices.testsupport.Mails.Mail;
import org.remoteservices.testsupport.TestPostgres;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The production profile on a real PostgreSQL: the datasource comes from DB_URL / DB_USER / DB_PASSWORD as in
 * production, Flyway applies every migration (whatever migrations exist: the check lists them from the
 * classpath), the engine builds its own schema, and remote-support lifecycles run as on H2.
 */
@ActiveProfiles("postgres")
class PostgresProfileTest extends IntegrationTest {
  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    String url = TestPostgres.newDatabase();
    registry.add("DB_URL", () -> url);
    registry.add("DB_USER", () -> TestPostgres.USER);
    registry.add("DB_PASSWORD", () -> TestPostgres.PASSWORD);
    // Camunda keeps engines in a static registry by name, and /engine-rest serves the one named "default":
    // a second engine of that name in this test JVM would take over the REST API of the cached H2 contexts
    registry.add("camunda.bpm.process-engine-name", () -> "postgresProfileTest");
    // at the JVM's end the embedded PostgreSQL may stop before this context closes; the engine's close then waits for a
    // connection: not Hikari's 30 s (Surefire kills a fork that takes 30 s to exit)
    registry.add("spring.datasource.hikari.connection-timeout", () -> "2000");
  }

  @Autowired Lifecycle lifecycle;
  @Autowired JdbcClient jdbc;

  @Test
  void runsOnPostgresql_everyMigrationApplied_engineSchemaBuilt() throws Exception {
    assertThat(jdbc.sql("select version()").query(String.class).single()).startsWith("PostgreSQL");
    assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDatabaseType()).isEqualTo("postgres");
    assertThat(jdbc.sql("select version_ from act_ge_schema_log").query(String.class).list()).anyMatch(v -> v.startsWith("7.24"));

    List<String> versions = new ArrayList<>();
    Pattern name = Pattern.compile("V([0-9._]+)__.*\\.sql");
    for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/V*__*.sql")) {
      Matcher m = name.matcher(r.getFilename());
      if (m.matches()) {
        versions.add(m.group(1).replace('_', '.'));
      }
    }
    assertThat(versions).isNotEmpty();
    List<String> applied = jdbc.sql("select version from flyway_schema_history where success and type = 'SQL'").query(String.class).list();
    assertThat(applied).containsExactlyInAnyOrderElementsOf(versions);
    assertThat(jdbc.sql("select count(*) from flyway_schema_history where not success").query(Integer.class).single()).isZero();
  }

  @Test
  void happyPathOnPostgresql() {
    Job job = lifecycle.newJob();
    String id = lifecycle.submit(job, "Ada Requester", "ada.pg@example.org");
    ProcessInstance instance = lifecycle.instance(id);
    runDueJobs();
    lifecycle.toSurvey(id, "Ada Requester");
    lifecycle.surveys.answer(lastMail("How did we do?").linkToken("/portal/survey/"), 5, "Quick and friendly");

    assertThat(instance).isEnded().hasPassedInOrder(GENERATE_RSSV, MAIL_RSSV, RSSV_RETURNED, CHECK_RSSV, SCHEDULE_SESSION,
        MAIL_INVITATION, RUN_SESSION, SCHEDULE_RECORDING_DESTRUCTION, DOCUMENT_WORK_ORDER, GENERATE_WORK_ORDER, MAIL_WORK_ORDER,
        MAIL_SURVEY, SURVEY_ANSWERED, COMPLETED);
    assertThat(Mails.read(MAIL.getReceivedMessages())).extracting(Mail::subject).hasSize(6); // the invitation and the work order: one message per recipient
    assertThat(jdbc.sql("select status from support_request where id = ?").param(id).query(String.class).single()).isEqualTo("COMPLETED");
    assertThat(jdbc.sql("select count(*) from support_file where support_request_id = ?").param(id).query(Integer.class).single()).isEqualTo(2);
  }

  @Test
  void reminderThenExpiryOnPostgresql_timersFireFromTheDatabase() {
    Job job = lifecycle.newJob();
    String id = lifecycle.submit(job, "Ada Requester", "ada.pg.expiry@example.org");
    ProcessInstance instance = lifecycle.instance(id);
    runDueJobs();
    advanceClock(Duration.ofDays(3).plusMinutes(1));
    assertThat(instance).hasPassed(REMINDER_DUE, MAIL_REMINDER).isWaitingAt(AWAIT_RSSV_AFTER_REMINDER);
    advanceClock(Duration.ofDays(14).plusMinutes(1));
    assertThat(instance).isEnded().hasPassed(RSSV_EXPIRED, MAIL_EXPIRY, REQUEST_EXPIRED).hasNotPassed(CHECK_RSSV);
    assertThat(jdbc.sql("select status from support_request where id = ?").param(id).query(String.class).single()).isEqualTo("EXPIRED");
  }

  private Mail lastMail(String subjectPart) {
    return Mails.read(MAIL.getReceivedMessages()).stream().filter(m -> m.subject().contains(subjectPart)).reduce((a, b) -> b).orElseThrow();
  }
}
