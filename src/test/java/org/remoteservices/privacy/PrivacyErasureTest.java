package org.remoteservices.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.remoteservices.privacy.adapter.camunda.PrivacyProcess.Elements.*;
import static org.remoteservices.privacy.adapter.camunda.PrivacyProcess.RightElements.*;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.remoteservices.jobs.api.Job;
import org.remoteservices.privacy.application.PrivacyRequestService;
import org.remoteservices.privacy.domain.Jurisdiction;
import org.remoteservices.privacy.domain.PrivacyRight;
import org.remoteservices.shared.files.FileStore;
import org.remoteservices.shared.tokens.TokenPurpose;
import org.remoteservices.support.adapter.camunda.RemoteSupportProcess;
import org.remoteservices.support.adapter.db.SessionRepository;
import org.remoteservices.testsupport.Mails;
import org.remoteservices.testsupport.Mails.Mail;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * THE erasure test: a subject with a complete remote-support history is erased; afterwards the whole database
 * (H2 SCRIPT: every table, the engine's included), every file in the file store and the application's log hold
 * nothing of their name, email, phone or job location, while another subject's data is untouched.
 */
class PrivacyErasureTest extends PrivacyTestSupport {
  @Autowired org.remoteservices.support.application.SupportFileService supportFiles;
  @Autowired FileStore files;
  @Autowired SessionRepository sessions;

  private final ListAppender<ILoggingEvent> log = new ListAppender<>();

  @BeforeEach
  void captureTheApplicationLog() {
    log.start();
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(log);
  }

  @AfterEach
  void stopCapturing() {
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(log);
  }

  /** Distinctive per run, so a file left by an earlier, interrupted run cannot confuse this one. */
  record Person(String name, String email, String phone, String location) {
    static Person distinctive(String first, String last) {
      String tag = randomLetters(6);
      String digits = String.format("%04d", ThreadLocalRandom.current().nextInt(10000));
      return new Person(first + " " + last + "-" + tag, last.toLowerCase(Locale.ROOT) + "-" + UUID.randomUUID() + "@example.org",
          "+1 555 987 " + digits, UUID.randomUUID() + " " + last + " Observatory Road, Zanzibar Flats");
    }
  }

  @Test
  void erasureLeavesNothingOfTheSubjectInTheDatabaseTheFilesOrTheLog() throws Exception {
    Person zq = Person.distinctive("Zebulon", "Quartermaine");
    Person other = Person.distinctive("Olga", "Otherperson");
    History subject = completeHistory(zq, true);
    History untouched = completeHistory(other, false);

    // before: the subject is everywhere (so the checks below mean something)
    String before = String.join("\n", jdbc.sql("SCRIPT").query(String.class).list());
    assertThat(before).contains(zq.name(), zq.email(), zq.phone(), zq.location(), "ACT_HI_COMMENT", "Called " + zq.name());
    assertThat(allFiles()).contains(zq.name(), zq.location());
    assertThat(count("select count(*) from act_hi_op_log where proc_inst_id_ = ?", subject.processInstanceIds().get(0))).isPositive();
    assertThat(count("select count(*) from act_hi_attachment where proc_inst_id_ = ?", subject.processInstanceIds().get(0))).isPositive();

    // the erasure request: all five data points, heightened verification needs a signed declaration as well
    String id = privacyRequests.receive(new PrivacyRequestService.Intake("PORTAL", List.of(PrivacyRight.ERASURE), zq.name(), zq.email(), zq.phone(),
        subject.job().jobNumber(), zq.location(), Jurisdiction.EU, "Please erase everything you hold about me, " + zq.name() + ".", false, null, null)).id();
    ProcessInstance instance = instance(id);
    runDueJobs();
    assertThat(instance).isWaitingAt(REVIEW_VERIFICATION);
    Mail more = mail("Please confirm");
    assertThat(more.to()).containsExactly(zq.email());
    evidence.signDeclaration(more.linkToken("/portal/privacy/declaration/"), zq.name(), true);
    runDueJobs();
    assertThat(instance).isWaitingAt(REVIEW_VERIFICATION); // the declaration alone is not enough: the person confirms at the address on record
    confirmAtRecord(zq.email());
    assertThat(instance).hasPassed(EVIDENCE_RECEIVED, CHECK_IDENTITY).isWaitingAt(EXECUTE_RIGHTS);
    assertThat(task(id, REVIEW_RETENTION).getDescription()).contains("No legal holds");
    complete(id, REVIEW_RETENTION, Map.of("input_retain", SpinValues.jsonValue("[]").create()));

    assertThat(instance).isEnded().hasPassed(MAIL_FINAL_RESPONSE, ERASE_REQUESTER_CONTACT, ANSWERED).hasNotPassed(MAIL_DENIAL);
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processDefinitionId(
            engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("privacy-right").latestVersion().singleResult().getId())
        .finished().list()).extracting(a -> a.getActivityId())
        .contains(REVIEW_RETENTION, INVENTORY, NOTIFY_RECIPIENTS_OF_ERASURE, ERASE_RECORDS, ERASE_FILES, ERASE_MAILS, ERASE_FLAGS, ERASE_PROCESS_DATA,
            WRITE_TOMBSTONE);

    // the certificate went to the subject's address before the address was erased
    Mail answer = mail("Your privacy request has been answered");
    assertThat(answer.to()).containsExactly(zq.email());
    String certificate = answer.attachment("erasure-certificate.pdf").pdfText();
    assertThat(certificate).contains("Erasure certificate", "Backups age out on", "Records:", "Files:", "Mails on record", "Process instances", "Consent flags", "Nothing.",
        "Site contact of job " + subject.job().jobNumber());
    assertThat(answer.body()).contains("your personal data was erased", "nothing was retained", "backups age out on");
    // every recipient was told, by case number, without the subject's data
    assertThat(jdbc.sql("select recipient_email from privacy_recipient_notice where privacy_request_id = ? and notified_at is not null").param(id)
        .query(String.class).list()).containsExactlyInAnyOrder(subject.job().siteContact().email(), subject.job().schedulingContact().email(),
            "privacy@mail-provider.example.com", "privacy@contractor.example.in");
    // the tombstone: a salted hash, dates, categories
    Map<String, Object> tombstone = jdbc.sql("select * from erasure_tombstone where privacy_request_id = ?").param(id).query().singleRow();
    assertThat((String) tombstone.get("SUBJECT_HASH")).hasSize(64).isNotEqualTo(org.remoteservices.shared.files.FileStore.sha256(zq.email().getBytes()));
    assertThat((String) tombstone.get("ERASED_CATEGORIES")).contains("SUPPORT=1", "ENGINE=", "FILES=", "MAILS=", "JOB_LOCATION=1");
    assertThat(tombstone.get("BACKUPS_AGE_OUT_ON")).isNotNull();
    // the engine's runtime and history of the subject's cases: gone, operation log and comments included
    for (String processInstanceId : subject.processInstanceIds()) {
      assertThat(count("select count(*) from act_hi_procinst where id_ = ?", processInstanceId)).isZero();
      assertThat(count("select count(*) from act_ru_execution where proc_inst_id_ = ?", processInstanceId)).isZero();
      assertThat(count("select count(*) from act_hi_varinst where proc_inst_id_ = ?", processInstanceId)).isZero();
      assertThat(count("select count(*) from act_hi_taskinst where proc_inst_id_ = ?", processInstanceId)).isZero();
      assertThat(count("select count(*) from act_hi_actinst where proc_inst_id_ = ?", processInstanceId)).isZero();
      assertThat(count("select count(*) from act_hi_detail where proc_inst_id_ = ?", processInstanceId)).isZero();
      assertThat(count("select count(*) from act_hi_op_log where proc_inst_id_ = ?", processInstanceId)).isZero();
      assertThat(count("select count(*) from act_hi_comment where proc_inst_id_ = ?", processInstanceId)).isZero();
      assertThat(count("select count(*) from act_hi_attachment where proc_inst_id_ = ?", processInstanceId)).isZero();
    }
    assertThat(count("select count(*) from act_hi_procinst where business_key_ = ?", subject.supportRequestId())).isZero();

    // THE check: the whole database, every file, the whole log
    List<String> traces = traces(zq);
    String database = String.join("\n", jdbc.sql("SCRIPT").query(String.class).list());
    assertThat(database).contains("CREATE MEMORY TABLE \"PUBLIC\".\"ACT_HI_PROCINST\"", "ERASURE_TOMBSTONE", other.email()); // it is the whole dump
    String fileStore = allFiles();
    String logText = logText();
    for (String trace : traces) {
      assertThat(database).as("database dump contains " + trace).doesNotContainIgnoringCase(trace);
      assertThat(fileStore).as("file store contains " + trace).doesNotContainIgnoringCase(trace);
      assertThat(logText).as("application log contains " + trace).doesNotContainIgnoringCase(trace);
    }
    assertThat(logText).contains("erasure complete"); // the log was captured

    // the other subject is untouched: rows, files, mails, process history
    assertThat(count("select count(*) from support_request where id = ? and requester_email = ? and requester_name = ?",
        untouched.supportRequestId(), other.email(), other.name())).isEqualTo(1);
    assertThat(database).contains(other.name(), other.phone(), other.location());
    assertThat(fileStore).contains(other.name());
    assertThat(count("select count(*) from job where job_number = ? and location_address = ?", untouched.job().jobNumber(), other.location())).isEqualTo(1);
    for (String processInstanceId : untouched.processInstanceIds()) {
      assertThat(count("select count(*) from act_hi_procinst where id_ = ?", processInstanceId)).isEqualTo(1);
    }
    assertThat(count("select count(*) from mail_record where support_request_id = ?", untouched.supportRequestId())).isGreaterThanOrEqualTo(4);
    // the subject's job stays in the registry (the site's contacts are other people), without the location only they asked about
    assertThat(jdbc.sql("select location_address from job where job_number = ?").param(subject.job().jobNumber()).query(String.class).single())
        .startsWith("erased (privacy request PR-");
    assertThat(jdbc.sql("select site_contact_email from job where job_number = ?").param(subject.job().jobNumber()).query(String.class).single())
        .isEqualTo(subject.job().siteContact().email());
    // the privacy request remains, as a record without personal data
    Map<String, Object> request = jdbc.sql("select * from privacy_request where id = ?").param(id).query().singleRow();
    assertThat(request.get("STATUS")).isEqualTo("COMPLETED");
    assertThat(request.get("REQUESTER_EMAIL")).isNull();
    assertThat(request.get("SUBJECT_ERASED_AT")).isNotNull();
    assertThat(jdbc.sql("select sha256 from privacy_evidence where privacy_request_id = ?").param(id).query(String.class).single()).hasSize(64);
  }

  /**
   * The same promise, checked column by column instead of as one dump: one subject who touches every table that
   * can hold personal data (a whole lifecycle, an earlier privacy request with an access report and an objection,
   * the mails, the files) is erased through the privacy flow; then every value of every column of every table,
   * the engine's ACT_* tables included (binary columns decoded), is searched for each of the subject's values.
   */
  @Test
  void aSubjectInEveryPersonalTableIsInNoColumnOfAnyTableAfterTheErasure() throws Exception {
    Person zq = Person.distinctive("Zora", "Columnwise");
    History subject = completeHistory(zq, true);
    // a marketing mail to the job's consented contacts reaches them: a row of who got which communication (issue 12)
    String marketing = communications.send(new org.remoteservices.communications.application.CommunicationService.Request("MARKETING",
        "Spring news", "Our new dimmers are here.", List.of(subject.job().jobNumber()), null), "test").id();
    runDueJobs();
    assertThat(jdbc.sql("select count(*) from communication_recipient where communication_id = ? and status = 'SENT'").param(marketing)
        .query(Integer.class).single()).isEqualTo(1);
    // an earlier request of theirs: an access report mailed, an objection recorded as a flag
    String earlier = privacyRequests.receive(new PrivacyRequestService.Intake("PORTAL", List.of(PrivacyRight.ACCESS, PrivacyRight.OBJECTION),
        zq.name(), zq.email(), zq.phone(), null, null, Jurisdiction.EU, "What do you hold about " + zq.name() + "?", false, null, null)).id();
    ProcessInstance earlierInstance = instance(earlier);
    runDueJobs();
    confirmAtRecord(zq.email());
    complete(earlier, REVIEW_OBJECTION, java.util.Map.of()); // upheld: the flag stays
    assertThat(earlierInstance).isEnded();
    assertThat(mail("ready to download").to()).containsExactly(zq.email()); // waiting for its download: the erasure must delete it too

    // before: every table whose owner declares personal columns holds one of the subject's values
    java.util.Map<String, java.util.Set<String>> personal = new java.util.TreeMap<>();
    owners.forEach(o -> o.tables().forEach(t -> {
      if (t.holdsPersonalData()) {
        personal.put(t.name(), t.personal());
      }
    }));
    // ... except those whose personal columns hold keys derived from the subject (salted hashes, lower-case e-mail keys are
    // searched as such) or other people's data (the recipients told of an erasure): named here, each for its reason
    java.util.Set<String> notTheSubjectsValues = java.util.Set.of("privacy_subject_flag" /* salted hash */, "privacy_erasure_item" /* ids, hashes */,
        "privacy_recipient_notice" /* the recipients' addresses */);
    List<String> traces = traces(zq);
    List<String> untouched = new ArrayList<>();
    for (String table : personal.keySet()) {
      if (!notTheSubjectsValues.contains(table) && hits(table.toUpperCase(Locale.ROOT), traces).isEmpty()) {
        untouched.add(table);
      }
    }
    assertThat(untouched).as("personal-data tables the test subject does not reach (the check below would mean nothing for them)").isEmpty();

    String id = privacyRequests.receive(new PrivacyRequestService.Intake("PORTAL", List.of(PrivacyRight.ERASURE), zq.name(), zq.email(), zq.phone(),
        subject.job().jobNumber(), zq.location(), Jurisdiction.EU, null, false, null, null)).id();
    ProcessInstance erasure = instance(id);
    runDueJobs();
    evidence.signDeclaration(mailToken(zq.email(), "/portal/privacy/declaration/"), zq.name(), true);
    confirmAtRecord(zq.email());
    complete(id, REVIEW_RETENTION, Map.of("input_retain", SpinValues.jsonValue("[]").create()));
    assertThat(erasure).isEnded().hasPassed(ERASE_REQUESTER_CONTACT);

    List<String> found = new ArrayList<>();
    for (String table : allTables()) {
      found.addAll(hits(table, traces));
    }
    assertThat(found).as("columns that still hold one of the subject's values").isEmpty();
    // and no file: the earlier access report went with the erasure, not only when its download window ends
    String fileStore = allFiles();
    for (String trace : traces) {
      assertThat(fileStore).as("file store contains " + trace).doesNotContainIgnoringCase(trace);
    }
    // the earlier request remains as a record of its own, without its data points
    Map<String, Object> earlierRow = jdbc.sql("select requester_email, status from privacy_request where id = ?").param(earlier).query().singleRow();
    assertThat(earlierRow.get("REQUESTER_EMAIL")).isNull();
    assertThat(earlierRow.get("STATUS")).isEqualTo("COMPLETED");
  }

  @Autowired List<org.remoteservices.shared.data.DataOwner> owners;
  @Autowired org.remoteservices.communications.application.CommunicationService communications;

  /** Every table of the schema, the engine's included. */
  private List<String> allTables() throws java.sql.SQLException {
    List<String> tables = new ArrayList<>();
    try (java.sql.Connection c = dataSource.getConnection(); java.sql.ResultSet rs = c.getMetaData().getTables(c.getCatalog(), c.getSchema(), "%",
        new String[] {"TABLE"})) {
      while (rs.next()) {
        tables.add(rs.getString("TABLE_NAME"));
      }
    }
    assertThat(tables).anyMatch(t -> t.equalsIgnoreCase("ACT_HI_VARINST")).anyMatch(t -> t.equalsIgnoreCase("SUPPORT_REQUEST"));
    return tables;
  }

  /** "table.column: value" for every cell of the table that contains one of the traces (binary cells decoded as UTF-8). */
  private List<String> hits(String table, List<String> traces) {
    List<String> hits = new ArrayList<>();
    jdbc.sql("select * from \"" + table + "\"").query(rs -> {
      java.sql.ResultSetMetaData meta = rs.getMetaData();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        Object value = rs.getObject(i);
        String text = value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) + " " + HexFormat.of().formatHex(bytes)
            : value instanceof java.sql.Clob clob ? clob.getSubString(1, (int) clob.length()) : String.valueOf(value);
        for (String trace : traces) {
          if (text.toLowerCase(Locale.ROOT).contains(trace.toLowerCase(Locale.ROOT))) {
            hits.add(table.toLowerCase(Locale.ROOT) + "." + meta.getColumnName(i).toLowerCase(Locale.ROOT) + " contains " + trace);
          }
        }
      }
    });
    return hits;
  }

  @Autowired javax.sql.DataSource dataSource;

  record History(Job job, String supportRequestId, List<String> processInstanceIds) {}

  /** Request, RSSV signed online, session with an uploaded recording and support files, work order, survey answered, mails. */
  private History completeHistory(Person p, boolean withStaffTraces) throws IOException {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    Job job = new Job("J-" + suffix, "Observatory " + suffix, p.location(),
        new Job.Contact("Site Contact " + suffix, "site-" + suffix + "@example.com", "+1 555 0001"),
        new Job.Contact("Scheduling Contact " + suffix, "schedule-" + suffix + "@example.com", "+1 555 0002"), LocalDate.of(2030, 6, 30));
    jobs.insert(job);
    // with marketing consent and a country (issue 12): the intake's choice is a personal row of the communications store
    String id = supportRequests.submit(p.name(), p.phone(), p.email(), job.jobNumber(),
        new org.remoteservices.support.application.SupportRequestService.Choices(true, "DE", false, "SUPPORT_REQUEST_API")).request().id();
    ProcessInstance supportCase = lifecycle.instance(id);
    runDueJobs();
    lifecycle.rssv.signOnline(mailToken(p.email(), "/portal/rssv/"), p.name(), true);
    if (withStaffTraces) {
      // a technician works in Tasklist: the engine writes an operation log entry, a comment and an attachment
      engine.getIdentityService().setAuthentication("tech" + suffix.substring(0, 4), List.of("technicians"));
      String taskId = lifecycle.task(id).getId();
      tasks.createComment(taskId, supportCase.getId(), "Called " + p.name() + " on " + p.phone());
      tasks.createAttachment("text/plain", taskId, supportCase.getId(), "call notes", "notes on " + p.name(),
          new ByteArrayInputStream(("Customer " + p.name() + ", " + p.email()).getBytes(StandardCharsets.UTF_8)));
      lifecycle.acceptRssv(id);
      engine.getIdentityService().clearAuthentication();
    } else {
      lifecycle.acceptRssv(id);
    }
    lifecycle.schedule(id, "2026-12-01T14:30Z");
    runDueJobs();
    String sessionId = jdbc.sql("select id from remote_session where support_request_id = ?").param(id).query(String.class).single();
    lifecycle.sessions.uploadRecording(sessionId, new ByteArrayInputStream(("screen recording of " + p.name()).getBytes(StandardCharsets.UTF_8)));
    lifecycle.submitForm(id, Map.of("input_startedAt", "2026-12-01T14:30Z", "input_endedAt", "2026-12-01T15:10Z", "sessionResolved", "true",
        "input_sessionNotes", "Spoke with " + p.name() + " (" + p.phone() + ") about the scenes at " + p.location(),
        "input_recordingReference", "GTR-" + suffix + " " + p.name(),
        "input_supportFiles", SpinValues.jsonValue("[\"PROCESSOR_EVENT_LOG\",\"GUI_LOGS\"]").create()));
    runDueJobs();
    for (org.remoteservices.support.domain.SupportFile file : sessions.supportFilesOf(id)) {
      byte[] content = ("event log of the processor at " + p.location() + ", operator " + p.email()).getBytes(StandardCharsets.UTF_8);
      String key = "support-files/" + id + "/" + file.id() + ".log";
      sessions.attachSupportFile(file.id(), key, files.write(key, content), content.length);
    }
    // issue 11: a large support file kept elsewhere, registered by reference (the reference names the subject)
    supportFiles.registerReference(id, "WIRESHARK_CAPTURE", "sftp://transfer.example.com/" + p.email() + "/capture.pcapng", "tech");
    lifecycle.submitForm(id, Map.of("input_workSummary", "Scene schedule repaired for " + p.name(), "input_actionsTaken",
        "Reloaded the processor database at " + p.location()));
    runDueJobs();
    lifecycle.surveys.answer(mailToken(p.email(), "/portal/survey/"), 5, "Thank you, regards " + p.name());
    assertThat(supportCase).isEnded().hasPassed(RemoteSupportProcess.Elements.SURVEY_ANSWERED);
    assertThat(count("select count(*) from mail_record where support_request_id = ?", id)).isEqualTo(4); // RSSV, invitation, work order, survey
    String recordingId = jdbc.sql("select id from recording where support_request_id = ? and kind = 'FILE'").param(id).query(String.class).single();
    List<String> instances = new ArrayList<>(List.of(supportCase.getId()));
    engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(recordingId).list().forEach(h -> instances.add(h.getId()));
    assertThat(instances).hasSizeGreaterThanOrEqualTo(2); // the case and its recording's retention
    return new History(job, id, instances);
  }

  /** The subject's data points, and the forms they would take in binary columns (H2 SCRIPT writes those as hex). */
  private static List<String> traces(Person p) {
    List<String> out = new ArrayList<>();
    for (String s : List.of(p.name(), p.email(), p.phone(), p.location(), p.name().substring(p.name().indexOf('-') + 1) /* the unique tag */,
        p.phone().replace(" ", ""))) {
      out.add(s);
      out.add(HexFormat.of().formatHex(s.getBytes(StandardCharsets.UTF_8)));
    }
    return out;
  }

  private String allFiles() throws IOException {
    StringBuilder all = new StringBuilder();
    try (Stream<Path> walk = Files.walk(files.root())) {
      for (Path path : walk.filter(Files::isRegularFile).toList()) {
        all.append(path).append('\n');
        byte[] bytes = Files.readAllBytes(path);
        all.append(new String(bytes, StandardCharsets.ISO_8859_1)).append('\n');
        if (path.toString().endsWith(".pdf")) {
          all.append(Mails.pdfText(bytes)).append('\n');
        }
      }
    }
    return all.toString();
  }

  private String logText() {
    StringBuilder all = new StringBuilder();
    for (ILoggingEvent event : log.list) {
      all.append(event.getFormattedMessage()).append('\n');
      for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
        all.append(t.getMessage()).append('\n');
      }
    }
    return all.toString();
  }

  private int count(String sql, Object... params) {
    return jdbc.sql(sql).params(params).query(Integer.class).single();
  }

  private static String randomLetters(int n) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < n; i++) {
      s.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
    }
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
