package org.remoteservices.bench;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.management.Metrics;
import org.remoteservices.RemoteServicesApplication;
import org.remoteservices.jobs.adapter.db.JobRepository;
import org.remoteservices.jobs.api.Job;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The application as a user would run it (own port, job executor on), started in the benchmark's JVM. */
public final class AppUnderTest implements AutoCloseable {
  public final String name;
  public final ConfigurableApplicationContext context;
  public final int port;
  public final List<String> jobNumbers = new ArrayList<>();

  private AppUnderTest(String name, ConfigurableApplicationContext context) {
    this.name = name;
    this.context = context;
    this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  public static AppUnderTest start(String name, Db db, boolean floor, MailSink mail, Path dir, List<String> extraArgs) {
    List<String> args = new ArrayList<>(List.of(
        "--spring.profiles.active=bench" + (floor ? ",bench-floor" : ""),
        "--spring.main.allow-bean-definition-overriding=" + floor,
        "--spring.main.banner-mode=off",
        // H2: the file name only, so the URL options are application.yml's; PostgreSQL: the whole URL
        db.kind().equals("h2") ? "--RSO_H2_FILE=" + db.url() : "--spring.datasource.url=" + db.url(),
        "--spring.datasource.username=" + db.user(),
        "--spring.datasource.password=" + db.password(),
        "--server.port=0",
        "--spring.mail.host=127.0.0.1",
        "--spring.mail.port=" + mail.port(),
        "--rso.file-store.root=" + dir.resolve("files"),
        "--rso.public-base-url=http://portal.bench",
        "--rso.privacy.tombstone-salt=bench-salt-" + java.util.UUID.randomUUID(), // outside the demo: a salt of its own
        "--logging.file.name=" + dir.resolve("app.log"),
        "--logging.threshold.console=WARN",
        "--camunda.bpm.job-execution.enabled=true",
        // every simulated user comes from this one client address; the per-address limit would answer 429
        "--rso.rate-limit.enabled=false",
        // the 24 simulated technicians share one account: the login throttle's checks of one account run one at a
        // time, and under load a check waited more than its 2 s and answered 429 (people do not share accounts so)
        "--rso.security.login-throttle.max-wait=PT60S"));
    args.addAll(extraArgs);
    SpringApplication application = new SpringApplication(RemoteServicesApplication.class);
    AppUnderTest app = new AppUnderTest(name, application.run(args.toArray(String[]::new)));
    app.seedJobs(20);
    return app;
  }

  /** For H2 {@code url} is the database file (without .mv.db), for PostgreSQL the JDBC URL. */
  public record Db(String kind, String url, String user, String password) {}

  private void seedJobs(int count) {
    JobRepository jobs = context.getBean(JobRepository.class);
    for (int i = 1; i <= count; i++) {
      String number = String.format("J-B%04d", i);
      if (!jobs.exists(number)) {
        jobs.insert(new Job(number, "Bench Site " + i, i + " Bench Street, Testville",
            new Job.Contact("Site Contact " + i, "site" + i + "@bench-jobs.example.com", "+1 555 0001"),
            new Job.Contact("Scheduling Contact " + i, "schedule" + i + "@bench-jobs.example.com", "+1 555 0002"),
            LocalDate.of(2034, 6, 30)));
      }
      jobNumbers.add(number);
    }
  }

  public <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  public DataSource dataSource() {
    return bean(DataSource.class);
  }

  public ProcessEngineConfigurationImpl engineConfiguration() {
    return (ProcessEngineConfigurationImpl) bean(ProcessEngine.class).getProcessEngineConfiguration();
  }

  /** Engine metrics written so far (flushes the in-memory counters first). */
  public long metric(String name) {
    engineConfiguration().getDbMetricsReporter().reportNow();
    return bean(ProcessEngine.class).getManagementService().createMetricsQuery().name(name).sum();
  }

  public static final List<String> JOB_METRICS = List.of(Metrics.JOB_SUCCESSFUL, Metrics.JOB_FAILED, Metrics.JOB_ACQUIRED_FAILURE,
      Metrics.JOB_EXECUTION_REJECTED, Metrics.JOB_LOCKED_EXCLUSIVE, Metrics.JOB_ACQUISITION_ATTEMPT);

  @Override
  public void close() {
    context.close();
  }
}
