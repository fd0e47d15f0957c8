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
import org.remoteservices.jobs.api.Job;
import org.remoteservices.jobs.adapter.db.JobRepository;
import org.remoteservices.privacy.adapter.db.PrivacyRecordsRepository;
import org.remoteservices.privacy.adapter.db.PrivacyRequestRepository;
import java.util.Map;
import org.remoteservices.privacy.api.ErasureReceipt;
import org.remoteservices.shared.mail.MailRecords;
import org.remoteservices.support.adapter.db.SubjectDataRepository;
import org.remoteservices.support.application.port.SubjectDataStore;
import org.remoteservices.privacy.domain.Jurisdiction;
import org.remoteservices.privacy.domain.PrivacyRight;
import org.remoteservices.privacy.api.RetentionCategory;
import org.remoteservices.privacy.domain.VerificationLevel;
import org.remoteservices.shared.lookup.V4__FillLookupKeys;
import org.remoteservices.shared.time.TimeSource;
import org.remoteservices.support.adapter.db.SupportRequestRepository;
import org.springframework.jdbc.core.simple.JdbcClient;

/** V2__privacy.sql, V3/V4 (lookup keys) and the privacy repositories' SQL on a real PostgreSQL (the postgres profile), not only H2. */
class PrivacySqlOnPostgresTest {
  private static EmbeddedPostgres postgres;
  private static JdbcClient jdbc;

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    // up to V3, then rows as a release before the lookup keys wrote them, then V4 (a Java migration) must fill their keys
    Flyway.configure().dataSource(postgres.getPostgresDatabase()).locations("classpath:db/migration").target("3").load().migrate();
    jdbc = JdbcClient.create(postgres.getPostgresDatabase());
    // the job as that release wrote it (no time_zone yet: V12 adds it, the repository of today writes it)
    jdbc.sql("""
        insert into job (job_number, job_name, location_address, site_contact_name, site_contact_email, scheduling_contact_name,
          scheduling_contact_email, system_obsolescence_date, created_at)
        values ('J-OLD', 'Old Site', '2 Old Road', 'Site', 'site@old.example', 'Sched', 'sched@old.example', ?, current_timestamp)""")
        .param(LocalDate.of(2035, 1, 1)).update();
    jdbc.sql("""
        insert into support_request (id, job_number, requester_name, requester_email, requester_phone, status, created_at, updated_at)
        values ('00000000-0000-0000-0000-00000000000a', 'J-OLD', 'Olly Old', ' Olly.Old@Old.Example ', '+1 (555) 010-0100', 'COMPLETED', now(), now())""").update();
    jdbc.sql("""
        insert into mail_record (id, idempotency_key, support_request_id, recipients, subject, body, status, created_at)
        values ('old-mail', 'old-key', null, 'site@old.example,Olly.Old@old.example,site@old.example', 's', 'b', 'SENT', now())""").update();
    Flyway.configure().dataSource(postgres.getPostgresDatabase()).locations("classpath:db/migration")
        .javaMigrations(new V4__FillLookupKeys()).load().migrate();
  }

  @Test
  void v4FillsTheLookupKeysOfRowsWrittenBeforeV3() {
    assertThat(jdbc.sql("select requester_email_key || ' ' || requester_phone_key from support_request where job_number = 'J-OLD'")
        .query(String.class).single()).isEqualTo("olly.old@old.example 15550100100");
    assertThat(jdbc.sql("select email_key from mail_recipient where mail_record_id = 'old-mail' order by email_key").query(String.class).list())
        .containsExactly("olly.old@old.example", "site@old.example");
    SubjectDataRepository support = new SubjectDataRepository(jdbc);
    assertThat(support.candidates("olly.old@old.example", null)).extracting(SubjectDataStore.Candidate::name).containsExactly("Olly Old");
    assertThat(support.candidates(null, "15550100100")).extracting(SubjectDataStore.Candidate::name).containsExactly("Olly Old");
    assertThat(new MailRecords(jdbc).find(List.of(), List.of("olly.old@old.example"), List.of())).containsExactly("old-mail");
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
    jdbc.sql("insert into mail_record (id, idempotency_key, support_request_id, recipients, subject, status, created_at) values ('m1', 'k1', ?, 'pat@pg.example', 's', 'SENT', now())")
        .param(support).update();
    // a mail about someone else's request that went to Pat too: found by its recipient row
    jdbc.sql("insert into mail_record (id, idempotency_key, support_request_id, recipients, subject, status, created_at) values ('m2', 'k2', null, 'x@pg.example,pat@pg.example', 's', 'SENT', now())")
        .update();
    jdbc.sql("insert into mail_recipient (mail_record_id, email_key) values ('m2', 'x@pg.example'), ('m2', 'pat@pg.example')").update();

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
    assertThat(requests.idsBySubject(List.of("pat@pg.example"), null)).containsExactly(id);
    assertThat(requests.idsBySubject(List.of(), "15550200")).containsExactly(id);
    requests.setContactOnRecord(id, "pat@pg.example");
    requests.confirmPossession(id);
    requests.markRetentionReviewed(id);
    assertThat(requests.get(id).possessionConfirmed()).isTrue();
    assertThat(requests.idsAsAgent(List.of("pat@pg.example"))).isEmpty();
    new org.remoteservices.privacy.adapter.db.PrivacyDownloadRepository(jdbc, time).insert("d1", id, "ACCESS_REPORT", "privacy/x/a.pdf", "0".repeat(64),
        Instant.now().plusSeconds(60));
    assertThat(new org.remoteservices.privacy.adapter.db.PrivacyDownloadRepository(jdbc, time).countFailedAttempt("d1")).isEqualTo(1);

    SubjectDataRepository subject = new SubjectDataRepository(jdbc);
    assertThat(subject.candidates("pat@pg.example", null)).hasSize(1);
    assertThat(subject.candidates(null, "15550199")).hasSize(1);
    assertThat(subject.candidates("nobody@pg.example", "15550100")).isEmpty();
    assertThat(subject.describe(List.of(support)).get("support_requests")).hasSize(1);
    assertThat(subject.jobsOf(List.of(support))).containsExactly("J-PG1");
    assertThat(subject.jobsAlsoRequestedByOthers(List.of("J-PG1"), List.of(support))).isEmpty();
    assertThat(subject.files(List.of(support)).all()).isEmpty();
    MailRecords mails = new MailRecords(jdbc);
    List<String> mailIds = mails.find(List.of(support), List.of("pat@pg.example"), List.of("k"));
    assertThat(mailIds).containsExactlyInAnyOrder("m1", "m2");
    assertThat(mails.describe(mailIds)).hasSize(2);
    assertThat(mails.attachmentKeys(mailIds)).isEmpty();

    PrivacyRecordsRepository records = new PrivacyRecordsRepository(jdbc, time);
    records.setFlag("f".repeat(64), "OBJECTION", id);
    records.insertLegalHold("h1", "J-PG1", RetentionCategory.SUPPORT_FILES, "incident", null);
    assertThat(records.activeHolds(List.of("J-PG1"), LocalDate.now())).hasSize(1);
    records.retain(id, RetentionCategory.SUPPORT_FILES, "incident", "priya");
    records.planItem(id, "SUPPORT", support);
    records.planItem(id, "SUPPORT", support);
    records.markErased(id, "SUPPORT");
    assertThat(records.erasedCounts(id)).containsEntry("SUPPORT", 1);
    records.saveReceipt(id, new ErasureReceipt("SUPPORT", Map.of("SUPPORT_REQUEST", 1, "JOB_LOCATION", 1), Map.of("work orders", "retained: Work orders")));
    records.saveReceipt(id, new ErasureReceipt("SUPPORT", Map.of("SUPPORT_REQUEST", 1), Map.of()));
    records.saveReceipt(id, new ErasureReceipt("MAILS", Map.of("MAIL", 2), Map.of()));
    assertThat(records.receipts(id)).extracting(ErasureReceipt::store).containsExactlyInAnyOrder("SUPPORT", "MAILS");
    assertThat(records.receipts(id)).filteredOn(r -> r.store().equals("SUPPORT")).singleElement()
        .satisfies(r -> assertThat(r.erased()).containsExactly(Map.entry("SUPPORT_REQUEST", 1)));
    records.insertTombstone(new PrivacyRecordsRepository.Tombstone("t1", "a".repeat(64), Instant.now(), Instant.now(), "SUPPORT=1", null,
        LocalDate.now().plusDays(35)), id);

    assertThat(subject.pseudonymise(List.of(support), Instant.now()).supportRequests()).isEqualTo(1);
    assertThat(subject.rectify(List.of(support), null, null, "+1 555 0201")).isEqualTo(1);
    assertThat(new JobRepository(jdbc, time).replaceLocation("J-PG1", "erased")).isTrue();
    assertThat(mails.delete(List.of("m1", "m2"))).isEqualTo(2);
    assertThat(jdbc.sql("select count(*) from mail_recipient where mail_record_id = 'm2'").query(Integer.class).single()).isZero();
    requests.eraseDataPoints(id);
    assertThat(requests.get(id).email()).isNull();
    assertThat(records.tombstone(id)).isPresent();
  }
}
