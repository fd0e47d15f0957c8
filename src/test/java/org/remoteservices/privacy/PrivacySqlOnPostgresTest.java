package org.remoteservices.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.remoteservices.jobs.Job;
import org.remoteservices.jobs.JobRepository;
import org.remoteservices.privacy.adapter.db.PrivacyRecordsRepository;
import org.remoteservices.privacy.adapter.db.PrivacyRequestRepository;
import org.remoteservices.privacy.adapter.db.SubjectRecordsRepository;
import org.remoteservices.privacy.domain.Jurisdiction;
import org.remoteservices.privacy.domain.PrivacyRight;
import org.remoteservices.privacy.domain.RetentionCategory;
import org.remoteservices.privacy.domain.VerificationLevel;
import org.remoteservices.shared.time.TimeSource;
import org.remoteservices.support.adapter.db.SupportRequestRepository;
import org.springframework.jdbc.core.simple.JdbcClient;

/** V2__privacy.sql and the privacy repositories' SQL on a real PostgreSQL (the postgres profile), not only H2. */
class PrivacySqlOnPostgresTest {
  private static EmbeddedPostgres postgres;
  private static JdbcClient jdbc;

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    Flyway.configure().dataSource(postgres.getPostgresDatabase()).locations("classpath:db/migration").load().migrate();
    jdbc = JdbcClient.create(postgres.getPostgresDatabase());
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    postgres.close();
  }

  @Test
  void migrationAndRepositoriesRunOnPostgres() {
    TimeSource time = new TimeSource();
    JobRepository jobs = new JobRepository(jdbc, time);
    jobs.insert(new Job("J-PG1", "PG Site", "1 Elephant Way", new Job.Contact("Site", "site@pg.example", null),
        new Job.Contact("Sched", "sched@pg.example", null), LocalDate.of(2035, 1, 1)));
    String support = new SupportRequestRepository(jdbc, time).insert("11111111-1111-1111-1111-111111111111", "J-PG1", "Pat Postgres",
        "pat@pg.example", "+1 555 0199").id();
    jdbc.sql("insert into mail_record (id, idempotency_key, support_request_id, recipients, subject, body, status, created_at) values ('m1', 'k1', ?, 'pat@pg.example', 's', 'b', 'SENT', now())")
        .param(support).update();

    PrivacyRequestRepository requests = new PrivacyRequestRepository(jdbc, time);
    String id = requests.insert(new PrivacyRequestRepository.NewRequest("22222222-2222-2222-2222-222222222222", "PORTAL", Jurisdiction.EU,
        List.of(PrivacyRight.ERASURE, PrivacyRight.ACCESS), false, "Pat Postgres", "pat@pg.example", null, null, null, null, null, null,
        VerificationLevel.HEIGHTENED, Instant.now(), null, Instant.now().plusSeconds(86400))).id();
    requests.addDataPoints(id, "+1 555 0199", null, "1 Elephant Way");
    requests.recordVerification(id, "VERIFIED", 4);
    requests.rectify(id, null, null, "+1 555 0200");
    requests.recordRightOutcome(id, PrivacyRight.ACCESS, "DONE", "mailed");
    requests.insertEvidence("e1", id, "DECLARATION", "ONLINE", "privacy/x/d.pdf", "0".repeat(64));
    assertThat(requests.get(id).phone()).isEqualTo("+1 555 0200");
    assertThat(requests.get(id).jobLocation()).isEqualTo("1 Elephant Way");
    assertThat(requests.idsByEmail("PAT@pg.example")).containsExactly(id);

    SubjectRecordsRepository subject = new SubjectRecordsRepository(jdbc);
    assertThat(subject.candidates("pat@pg.example", "Pat Postgres", null, null)).hasSize(1);
    assertThat(subject.collect(List.of(support), "pat@pg.example").get("mails_on_record")).hasSize(1);
    assertThat(subject.mailIds(List.of(support), "pat@pg.example")).containsExactly("m1");
    assertThat(subject.jobsOnlyRequestedBy(List.of(support))).containsExactly("J-PG1");
    assertThat(subject.ids("""
        select pdf_file from rssv_form where support_request_id in (:ids) union select file_key from recording where support_request_id in (:ids)
        union select file_key from support_file where support_request_id in (:ids) union select pdf_file from work_order where support_request_id in (:ids)""",
        List.of(support))).isEmpty();

    PrivacyRecordsRepository records = new PrivacyRecordsRepository(jdbc, time);
    records.setFlag("f".repeat(64), "OBJECTION", id);
    records.insertLegalHold("h1", "J-PG1", RetentionCategory.SUPPORT_FILES, "incident", null);
    assertThat(records.activeHolds(List.of("J-PG1"), LocalDate.now())).hasSize(1);
    records.retain(id, RetentionCategory.SUPPORT_FILES, "incident", "priya");
    records.planItem(id, "RECORDS", support);
    records.planItem(id, "RECORDS", support);
    records.markErased(id, "RECORDS");
    assertThat(records.erasedCounts(id)).containsEntry("RECORDS", 1);
    records.insertTombstone(new PrivacyRecordsRepository.Tombstone("t1", "a".repeat(64), Instant.now(), Instant.now(), "RECORDS=1", null,
        LocalDate.now().plusDays(35)), id);

    subject.pseudonymise(List.of(support), Instant.now());
    subject.eraseJobLocation("J-PG1", "erased");
    subject.deleteMails(List.of("m1"));
    subject.deleteWhere("support_request", "id", List.of(support));
    requests.eraseDataPoints(id);
    assertThat(requests.get(id).email()).isNull();
    assertThat(records.tombstone(id)).isPresent();
  }
}
