package org.remoteservices.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;
import org.remoteservices.jobs.api.Job;
import org.remoteservices.privacy.api.DataPoint;
import org.remoteservices.privacy.api.ErasureReceipt;
import org.remoteservices.privacy.api.Recipient;
import org.remoteservices.privacy.api.Rectification;
import org.remoteservices.privacy.api.RetentionCategory;
import org.remoteservices.privacy.api.SubjectMatch;
import org.remoteservices.privacy.api.SubjectQuery;
import org.remoteservices.privacy.api.SubjectRecords;
import org.remoteservices.shared.data.OwnedTable;
import org.remoteservices.shared.files.FileStore;
import org.remoteservices.shared.lookup.LookupKeys;
import org.remoteservices.support.adapter.camunda.RemoteSupportProcess;
import org.remoteservices.support.application.SupportRequestService;
import org.remoteservices.support.application.SupportSubjectDataProvider;
import org.remoteservices.support.application.port.SessionStore;
import org.remoteservices.support.domain.SupportFile;
import org.remoteservices.testsupport.IntegrationTest;
import org.remoteservices.testsupport.Lifecycle;
import org.remoteservices.testsupport.Mails;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The support feature's subject-data provider on real cases: who it finds, what it reports, which files an
 * erasure deletes, what the erasure leaves (and that it can run again), and that a restriction reaches a running case.
 */
class SupportSubjectDataTest extends IntegrationTest {
  @Autowired SupportSubjectDataProvider provider;
  @Autowired Lifecycle lifecycle;
  @Autowired SupportRequestService supportRequests;
  @Autowired SessionStore sessions;
  @Autowired FileStore files;
  @Autowired JdbcClient jdbc;

  record Person(String name, String email, String phone) {
    static Person distinctive(String first) {
      String tag = UUID.randomUUID().toString().substring(0, 8);
      return new Person(first + " Subject-" + tag, first.toLowerCase() + "-" + tag + "@example.org",
          "+1 555 " + String.format("%03d %04d", ThreadLocalRandom.current().nextInt(1000), ThreadLocalRandom.current().nextInt(10000)));
    }
  }

  private String submit(Job job, Person p) {
    String id = supportRequests.submit(p.name(), p.phone(), p.email(), job.jobNumber()).id();
    runDueJobs(); // the RSSV generated and mailed
    return id;
  }

  /** A whole case: RSSV signed online and accepted, a session with an uploaded recording and two support files, work order sent, survey answered. */
  private String completeCase(Job job, Person p) throws Exception {
    String id = submit(job, p);
    lifecycle.signRssvOnline(id, p.name());
    lifecycle.acceptAndSchedule(id);
    String sessionId = lifecycle.sessions.currentSessionId(id).orElseThrow();
    lifecycle.sessions.uploadRecording(sessionId, new ByteArrayInputStream("a recording".getBytes(StandardCharsets.UTF_8)));
    lifecycle.submitForm(id, Map.of("input_startedAt", "2026-12-01T14:30Z", "input_endedAt", "2026-12-01T15:10Z", "sessionResolved", "true",
        "input_sessionNotes", "Spoke with " + p.name(), "input_supportFiles", SpinValues.jsonValue("[\"PROCESSOR_EVENT_LOG\",\"GUI_LOGS\"]").create()));
    runDueJobs();
    for (SupportFile file : sessions.supportFilesOf(id)) {
      byte[] content = ("log of " + p.name()).getBytes(StandardCharsets.UTF_8);
      String key = "support-files/" + id + "/" + file.id() + ".log";
      sessions.attachSupportFile(file.id(), key, files.write(key, content), content.length);
    }
    lifecycle.documentWorkOrder(id);
    runDueJobs();
    String token = Mails.read(MAIL.getReceivedMessages()).stream().filter(m -> m.to().contains(p.email()) && m.body().contains("/portal/survey/"))
        .reduce((a, b) -> b).orElseThrow().linkToken("/portal/survey/");
    lifecycle.surveys.answer(token, 4, "Thanks from " + p.name());
    assertThat(lifecycle.instance(id)).isNull(); // ended
    return id;
  }

  private SubjectRecords find(String email, String phone, String name, String jobNumber, String location) {
    return provider.find(new SubjectQuery(LookupKeys.email(email), LookupKeys.phone(phone), name, jobNumber, location));
  }

  private SubjectRecords byEmail(Person p) {
    return find(p.email(), null, null, null, null);
  }

  private int count(String sql, Object... params) {
    return jdbc.sql(sql).params(params).query(Integer.class).single();
  }

  private String column(String sql, Object... params) {
    return jdbc.sql(sql).params(params).query(String.class).single();
  }

  @Test
  void declaresEverySupportTableWithAllItsColumns() {
    List<OwnedTable> tables = provider.tables();
    assertThat(tables).extracting(OwnedTable::name).containsExactlyInAnyOrder("support_request", "rssv_form", "rssv_return", "remote_session",
        "recording", "recording_destruction", "support_file", "work_order", "survey", "case_file_download", "support_file_share");
    for (OwnedTable table : tables) {
      List<String> live = jdbc.sql("select lower(column_name) from information_schema.columns where lower(table_name) = ? and table_schema = 'PUBLIC'")
          .param(table.name()).query(String.class).list();
      assertThat(table.columns()).as(table.name()).containsExactlyInAnyOrderElementsOf(live);
    }
    assertThat(tables.stream().filter(t -> t.name().equals("support_request")).findFirst().orElseThrow().personal())
        .containsExactlyInAnyOrder("requester_name", "requester_email", "requester_phone", "requester_email_key", "requester_phone_key");
    // staff ids and ids: none of the subject's data
    assertThat(tables.stream().filter(t -> t.name().equals("case_file_download")).findFirst().orElseThrow().personal()).isEmpty();
  }

  @Test
  void findsTheSubjectByEmailOrByNameAndPhone_neverByPhoneOrNameAlone() throws Exception {
    Job job = lifecycle.newJob();
    Person p = Person.distinctive("Ada");
    String id = completeCase(job, p);
    String otherOnSameJob = submit(job, Person.distinctive("Bob"));

    SubjectRecords byEmail = find(" " + p.email().toUpperCase() + " ", null, null, null, null);
    assertThat(byEmail.store()).isEqualTo("SUPPORT");
    assertThat(byEmail.recordIds()).containsExactly(id);
    assertThat(byEmail.matches()).singleElement().satisfies(m -> {
      assertThat(m.recordId()).isEqualTo(id);
      assertThat(m.jobNumber()).isEqualTo(job.jobNumber());
      assertThat(m.emailOnRecord()).isEqualTo(p.email());
      assertThat(m.matched()).containsExactly(DataPoint.EMAIL);
    });

    // name and phone, written differently
    SubjectRecords byNameAndPhone = find("someone.else@example.org", p.phone().replace(" ", "-"), "  " + p.name().toUpperCase().replace("-", " ") + ".",
        null, null);
    assertThat(byNameAndPhone.recordIds()).containsExactly(id);
    assertThat(byNameAndPhone.matches().get(0).matched()).containsExactlyInAnyOrder(DataPoint.NAME, DataPoint.PHONE);

    // every data point: the job number in another case, the location without its punctuation
    SubjectRecords all = find(p.email(), p.phone(), p.name(), job.jobNumber().toLowerCase(), job.locationAddress().replace(",", "").toUpperCase());
    assertThat(all.matches().get(0).matched()).containsExactlyInAnyOrder(DataPoint.values());
    assertThat(find(p.email(), null, null, job.jobNumber(), "Elsewhere 1").matches().get(0).matched())
        .containsExactlyInAnyOrder(DataPoint.EMAIL, DataPoint.JOB_NUMBER);

    // the phone alone, the name alone, or the job alone is someone else's request as far as we know
    assertThat(find(null, p.phone(), "Somebody Else", null, null).isEmpty()).isTrue();
    assertThat(find("nobody-" + UUID.randomUUID() + "@example.org", null, p.name(), job.jobNumber(), job.locationAddress()).isEmpty()).isTrue();
    assertThat(find(null, null, p.name(), job.jobNumber(), null)).isEqualTo(SubjectRecords.none("SUPPORT"));
    assertThat(byEmail.recordIds()).doesNotContain(otherOnSameJob);

    // all the files of the records, and the process instances about them, running or finished
    assertThat(byEmail.fileKeys()).hasSize(6) // RSSV form, signed copy, recording, two support files, work order PDF
        .contains(column("select pdf_file from rssv_form where support_request_id = ?", id),
            column("select pdf_file from work_order where support_request_id = ?", id),
            column("select file_key from recording where support_request_id = ?", id));
    String recordingId = column("select id from recording where support_request_id = ?", id);
    List<String> expectedInstances = new java.util.ArrayList<>();
    engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(id).list().forEach(h -> expectedInstances.add(h.getId()));
    engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(recordingId).list().forEach(h -> expectedInstances.add(h.getId()));
    assertThat(expectedInstances).hasSize(2);
    assertThat(byEmail.processInstanceIds()).containsExactlyInAnyOrderElementsOf(expectedInstances);
  }

  @Test
  void describesTheCaseAndItsRecipients() throws Exception {
    Job job = lifecycle.newJob();
    Person p = Person.distinctive("Cleo");
    String id = completeCase(job, p);
    SubjectRecords records = byEmail(p);
    String caseNumber = String.format("RS-%06d", jdbc.sql("select case_seq from support_request where id = ?").param(id).query(Long.class).single());

    Map<String, List<Map<String, Object>>> data = provider.describe(records);
    assertThat(data).containsOnlyKeys("support_requests", "rssv_forms", "rssv_returns", "sessions", "recordings", "support_files",
        "support_file_shares", "work_orders", "surveys");
    assertThat(data.get("support_file_shares")).isEmpty(); // shared with no contractor (SupportFileSharingTest shares)
    assertThat(data.keySet()).containsExactly("support_requests", "rssv_forms", "rssv_returns", "sessions", "recordings", "support_files",
        "support_file_shares", "work_orders", "surveys");
    assertThat(data.get("support_requests")).singleElement().satisfies(row -> {
      assertThat(row.keySet()).containsExactly("case_number", "job_number", "requester_name", "requester_email", "requester_phone", "status", "created_at");
      assertThat(row).containsEntry("case_number", caseNumber).containsEntry("requester_email", p.email()).containsEntry("requester_name", p.name());
      assertThat(row.get("created_at")).isInstanceOf(Instant.class);
    });
    assertThat(data.get("rssv_returns")).singleElement().satisfies(row -> assertThat(row).containsEntry("signer_name", p.name()).containsEntry("method", "ONLINE"));
    assertThat(data.get("sessions")).singleElement().satisfies(row -> assertThat(row).containsEntry("notes", "Spoke with " + p.name()));
    assertThat(data.get("support_files")).hasSize(2).allSatisfy(row -> assertThat(row.get("retain_until")).isInstanceOf(LocalDate.class));
    assertThat(data.get("recordings")).singleElement().satisfies(row -> assertThat(row).containsEntry("kind", "FILE").containsKey("external_ref"));
    assertThat(data.get("work_orders")).singleElement().satisfies(row -> assertThat(row).containsEntry("summary", "Scene schedule repaired"));
    assertThat(data.get("surveys")).singleElement().satisfies(row -> assertThat(row).containsEntry("comment_text", "Thanks from " + p.name())
        .containsEntry("rating", 4));
    assertThat(data.values()).allSatisfy(rows -> assertThat(rows).allSatisfy(row -> assertThat(row).containsEntry("case_number", caseNumber)));

    assertThat(provider.recipients(records)).containsExactly(
        new Recipient("Site contact of job " + job.jobNumber(), job.siteContact().email(), "work order"),
        new Recipient("Scheduling contact of job " + job.jobNumber(), job.schedulingContact().email(), "work order, session invitation"));
    assertThat(provider.references(records)).containsExactly(caseNumber);
    assertThat(provider.describe(SubjectRecords.none("SUPPORT")).values()).allSatisfy(rows -> assertThat(rows).isEmpty());
  }

  @Test
  void filesToErase_allOfThem_butNotThoseOfARetainedCategory() throws Exception {
    Person p = Person.distinctive("Dora");
    String id = completeCase(lifecycle.newJob(), p);
    SubjectRecords records = byEmail(p);
    String form = column("select pdf_file from rssv_form where support_request_id = ?", id);
    String signed = column("select r.file_key from rssv_return r join rssv_form f on f.id = r.rssv_form_id where f.support_request_id = ?", id);
    String recording = column("select file_key from recording where support_request_id = ?", id);
    List<String> supportFiles = jdbc.sql("select file_key from support_file where support_request_id = ?").param(id).query(String.class).list();
    String workOrder = column("select pdf_file from work_order where support_request_id = ?", id);

    assertThat(provider.filesToErase(records, Set.of())).containsExactlyInAnyOrderElementsOf(records.fileKeys());
    assertThat(provider.filesToErase(records, Set.of(RetentionCategory.WORK_ORDERS))).doesNotContain(workOrder).contains(form, signed, recording)
        .hasSize(5);
    assertThat(provider.filesToErase(records, Set.of(RetentionCategory.RSSV_RECORDS))).doesNotContain(form, signed).hasSize(4);
    assertThat(provider.filesToErase(records, Set.of(RetentionCategory.RECORDINGS))).doesNotContain(recording).hasSize(5);
    assertThat(provider.filesToErase(records, Set.of(RetentionCategory.SUPPORT_FILES))).doesNotContainAnyElementsOf(supportFiles).hasSize(4);
    assertThat(provider.filesToErase(records, EnumSet.allOf(RetentionCategory.class))).isEmpty();
  }

  @Test
  void processInstancesToErase_keepTheRecordingsRetentionTimerWhenRecordingsAreRetained() throws Exception {
    Person p = Person.distinctive("Rhea");
    String id = completeCase(lifecycle.newJob(), p);
    SubjectRecords records = byEmail(p);
    String recordingId = column("select id from recording where support_request_id = ?", id);
    String retention = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("recording-retention")
        .processInstanceBusinessKey(recordingId).singleResult().getId();
    String supportCase = engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("remote-support")
        .processInstanceBusinessKey(id).singleResult().getId();

    assertThat(records.processInstanceIds()).contains(supportCase, retention);
    assertThat(provider.processInstancesToErase(records, Set.of())).contains(supportCase, retention);
    // a kept recording is still destroyed by its own timer at 180 days: that instance must not be stopped
    assertThat(provider.processInstancesToErase(records, Set.of(RetentionCategory.RECORDINGS))).contains(supportCase).doesNotContain(retention);
  }

  @Test
  void erasesEverything_andARerunErasesNothing() throws Exception {
    Job job = lifecycle.newJob();
    Person p = Person.distinctive("Emil");
    String id = completeCase(job, p);
    SubjectRecords records = byEmail(p);
    List<String> linkTargets = jdbc.sql("select id from rssv_form where support_request_id = ? union select id from survey where support_request_id = ?")
        .params(id, id).query(String.class).list();
    assertThat(count("select count(*) from access_token where target_id in (?, ?, ?)", id, linkTargets.get(0), linkTargets.get(1))).isPositive();

    ErasureReceipt receipt = provider.erase(records, Set.of(), "erased (privacy request PR-TEST)");
    assertThat(receipt.store()).isEqualTo("SUPPORT");
    assertThat(receipt.erased()).containsEntry("SUPPORT_REQUEST", 1).containsEntry("RSSV_FORM", 1).containsEntry("RSSV_RETURN", 1)
        .containsEntry("REMOTE_SESSION", 1).containsEntry("RECORDING", 1).containsEntry("SUPPORT_FILE", 2).containsEntry("WORK_ORDER", 1)
        .containsEntry("SURVEY", 1).containsEntry("JOB_LOCATION", 1);
    assertThat(receipt.kept()).isEmpty();
    for (String table : List.of("rssv_form", "remote_session", "recording", "support_file", "work_order", "survey")) {
      assertThat(count("select count(*) from " + table + " where support_request_id = ?", id)).as(table).isZero();
    }
    assertThat(count("select count(*) from support_request where id = ?", id)).isZero();
    assertThat(count("select count(*) from access_token where target_id in (?, ?, ?)", id, linkTargets.get(0), linkTargets.get(1))).isZero();
    assertThat(column("select location_address from job where job_number = ?", job.jobNumber())).isEqualTo("erased (privacy request PR-TEST)");
    assertThat(byEmail(p).isEmpty()).isTrue();

    ErasureReceipt again = provider.erase(records, Set.of(), "erased (privacy request PR-TEST)");
    assertThat(again.total()).isZero();
    assertThat(again.kept()).isEmpty();
  }

  @Test
  void aRetainedCategoryKeepsItsRows_andTheRequestPseudonymised() throws Exception {
    Job job = lifecycle.newJob();
    Person p = Person.distinctive("Fynn");
    String id = completeCase(job, p);
    SubjectRecords records = byEmail(p);

    ErasureReceipt receipt = provider.erase(records, Set.of(RetentionCategory.WORK_ORDERS, RetentionCategory.RECORDINGS), "erased (PR-TEST2)");
    assertThat(receipt.erased()).containsEntry("SUPPORT_REQUEST", 1).containsEntry("SUPPORT_FILE", 2).containsEntry("RSSV_FORM", 1)
        .containsEntry("SURVEY", 1).containsEntry("REMOTE_SESSION", 1).doesNotContainKeys("WORK_ORDER", "RECORDING");
    assertThat(receipt.kept()).containsOnlyKeys("1 work order (the support request pseudonymised)", "1 session recording (the support request pseudonymised)")
        .containsValues("retained: Work orders", "retained: Session recordings");
    Map<String, Object> request = jdbc.sql("select * from support_request where id = ?").param(id).query().singleRow();
    assertThat(request).containsEntry("REQUESTER_NAME", "erased").containsEntry("REQUESTER_EMAIL", "erased@invalid").containsEntry("REQUESTER_PHONE", "erased");
    assertThat(request.get("REQUESTER_EMAIL_KEY")).isNull();
    assertThat(request.get("REQUESTER_PHONE_KEY")).isNull();
    assertThat(count("select count(*) from work_order where support_request_id = ?", id)).isOne();
    assertThat(count("select count(*) from recording where support_request_id = ?", id)).isOne();
    assertThat(jdbc.sql("select notes from remote_session where support_request_id = ?").param(id).query(String.class).list()).containsExactly((String) null);
    assertThat(count("select count(*) from rssv_form where support_request_id = ?", id)).isZero();
    assertThat(count("select count(*) from support_file where support_request_id = ?", id)).isZero();
    assertThat(byEmail(p).isEmpty()).isTrue(); // nothing left to find the subject by

    ErasureReceipt again = provider.erase(records, Set.of(RetentionCategory.WORK_ORDERS, RetentionCategory.RECORDINGS), "erased (PR-TEST2)");
    assertThat(again.total()).isZero();
  }

  @Test
  void theJobLocationGoesOnlyWhenNobodyElseAskedAboutTheJob() throws Exception {
    Job shared = lifecycle.newJob();
    Person first = Person.distinctive("Gus");
    Person second = Person.distinctive("Hana");
    submit(shared, first);
    submit(shared, second);
    // the cases are cancelled first, as the privacy erasure does
    SubjectRecords firstRecords = byEmail(first);
    SubjectRecords secondRecords = byEmail(second);
    firstRecords.processInstanceIds().forEach(pi -> engine.getRuntimeService().deleteProcessInstanceIfExists(pi, "test", true, true, false, false));
    secondRecords.processInstanceIds().forEach(pi -> engine.getRuntimeService().deleteProcessInstanceIfExists(pi, "test", true, true, false, false));

    assertThat(provider.erase(firstRecords, Set.of(), "erased (PR-1)").erased()).containsEntry("JOB_LOCATION", 0).containsEntry("SUPPORT_REQUEST", 1);
    assertThat(column("select location_address from job where job_number = ?", shared.jobNumber())).isEqualTo(shared.locationAddress());

    // now only the second requester has asked about it
    assertThat(provider.erase(secondRecords, Set.of(), "erased (PR-2)").erased()).containsEntry("JOB_LOCATION", 1);
    assertThat(column("select location_address from job where job_number = ?", shared.jobNumber())).isEqualTo("erased (PR-2)");
  }

  @Test
  void rectificationCorrectsTheRequestAndItsLookupKeys() {
    Person p = Person.distinctive("Ivo");
    String id = submit(lifecycle.newJob(), p);
    SubjectRecords records = byEmail(p);
    String newEmail = "ivo-" + UUID.randomUUID() + "@example.net";

    assertThat(provider.rectify(records, new Rectification(null, newEmail.toUpperCase(), "+44 20 7946 0999"))).isOne();
    assertThat(column("select requester_name from support_request where id = ?", id)).isEqualTo(p.name());
    assertThat(column("select requester_email from support_request where id = ?", id)).isEqualTo(newEmail);
    assertThat(byEmail(p).isEmpty()).isTrue();
    assertThat(find(newEmail, null, null, null, null).recordIds()).containsExactly(id);
    assertThat(find(null, "442079460999", p.name(), null, null).recordIds()).containsExactly(id);
  }

  @Test
  void restrictionTellsTheRunningCase() throws Exception {
    Person p = Person.distinctive("Jana");
    String id = submit(lifecycle.newJob(), p);
    ProcessInstance running = lifecycle.instance(id);
    assertThat(running).isWaitingAt(RemoteSupportProcess.Elements.AWAIT_RSSV);

    assertThat(provider.restrict(byEmail(p))).isOne();
    runDueJobs();
    assertThat(running).hasPassed(RemoteSupportProcess.Elements.RECORD_PRIVACY_RESTRICTION).isWaitingAt(RemoteSupportProcess.Elements.AWAIT_RSSV);
    assertThat(engine.getRuntimeService().getVariable(running.getId(), RemoteSupportProcess.Vars.PRIVACY_RESTRICTED.name())).isEqualTo(true);

    Person done = Person.distinctive("Kurt");
    completeCase(lifecycle.newJob(), done);
    assertThat(provider.restrict(byEmail(done))).isZero(); // the case is over: nobody to tell
  }
}
