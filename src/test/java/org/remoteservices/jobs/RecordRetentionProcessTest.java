package org.remoteservices.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.remoteservices.jobs.adapter.camunda.RecordRetentionProcess.Elements.*;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.remoteservices.jobs.adapter.camunda.RecordRetentionProcess;
import org.remoteservices.jobs.api.Job;
import org.remoteservices.jobs.api.JobDirectory;
import org.remoteservices.jobs.application.RecordRetentionService;
import org.remoteservices.support.adapter.camunda.RemoteSupportProcess;
import org.remoteservices.testsupport.Http;
import org.remoteservices.testsupport.IntegrationTest;
import org.remoteservices.testsupport.Lifecycle;
import org.remoteservices.testsupport.TestUsers;
import org.remoteservices.testsupport.TestUsers.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The notice's "until ten years after system obsolescence": a job's record-retention instance, its timer, what the
 * destruction erases and keeps (a legal hold), the history removal time, and the operators' obsolescence-date change.
 */
class RecordRetentionProcessTest extends IntegrationTest {
  @LocalServerPort int port;
  @Autowired Lifecycle lifecycle;
  @Autowired JobDirectory jobs;
  @Autowired RecordRetentionService retention;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired JdbcClient jdbc;
  @Autowired TestUsers users;

  private Job registered(LocalDate obsolescence) {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    Job job = new Job("JR-" + suffix, "Retention Site " + suffix, suffix + " Retention Road",
        new Job.Contact("Site " + suffix, "site-" + suffix + "@example.com", "+1 555 0001"),
        new Job.Contact("Plan " + suffix, "plan-" + suffix + "@example.com", "+1 555 0002"), obsolescence);
    jobs.register(job);
    return job;
  }

  private ProcessInstance retentionOf(String jobNumber) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(RecordRetentionProcess.KEY).processInstanceBusinessKey(jobNumber)
        .singleResult();
  }

  private Date timerDue(ProcessInstance instance) {
    return management.createJobQuery().processInstanceId(instance.getId()).timers().singleResult().getDuedate();
  }

  /** Runs the due jobs of these process instances and the engine's own (batches), not other tests' timers. */
  private void runDueJobsOf(Set<String> instanceIds) {
    for (int round = 0; round < 500; round++) { // one at a time: a job may end an instance whose other jobs then go
      var due = management.createJobQuery().executable().list().stream()
          .filter(j -> j.getProcessInstanceId() == null || instanceIds.contains(j.getProcessInstanceId())).findFirst();
      if (due.isEmpty()) {
        return;
      }
      management.executeJob(due.get().getId());
    }
    throw new AssertionError("jobs keep coming");
  }

  private static void clockAt(String instant) {
    ClockUtil.setCurrentTime(Date.from(Instant.parse(instant)));
  }

  private int count(String sql, Object... params) {
    return jdbc.sql(sql).params(params).query(Integer.class).single();
  }

  /** A case through the work order (RSSV, session with a recording reference and support files, work order, survey). */
  private String caseOf(Job job) {
    String id = lifecycle.submit(job, "Rhea Retention", "rhea-" + job.jobNumber().toLowerCase() + "@example.org");
    runDueJobs();
    lifecycle.toSurvey(id, "Rhea Retention");
    return id;
  }

  private Set<String> instancesOf(String jobNumber, String supportRequestId) {
    Set<String> ids = new HashSet<>();
    ids.add(retentionOf(jobNumber).getId());
    history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(supportRequestId).list().forEach(p -> ids.add(p.getId()));
    jdbc.sql("select id from recording where support_request_id = ?").param(supportRequestId).query(String.class).list()
        .forEach(r -> history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(r).list().forEach(p -> ids.add(p.getId())));
    return ids;
  }

  @Test
  void registeringAJobStartsItsRetention_theTimerDestroysItsCaseRecordsAndTheirHistory() {
    Job job = registered(LocalDate.of(2030, 6, 30));
    ProcessInstance instance = retentionOf(job.jobNumber());
    assertThat(instance).isWaitingAt(AWAIT_RETENTION_END);
    assertThat(instance.getBusinessKey()).isEqualTo(job.jobNumber());
    assertThat(timerDue(instance).toInstant()).isEqualTo(Instant.parse("2040-07-01T00:00:00Z")); // kept through 30 June 2040
    String id = caseOf(job);
    String caseInstance = lifecycle.instance(id) == null
        ? history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(id).singleResult().getId()
        : lifecycle.instance(id).getId();
    assertThat(count("select count(*) from mail_record where support_request_id = ?", id)).isPositive();
    Set<String> mine = instancesOf(job.jobNumber(), id);

    clockAt("2040-06-30T23:59:00Z");
    runDueJobsOf(mine);
    assertThat(instance).isWaitingAt(AWAIT_RETENTION_END); // not a minute early
    assertThat(count("select count(*) from support_request where id = ?", id)).isOne();

    clockAt("2040-07-01T00:01:00Z");
    runDueJobsOf(mine);
    assertThat(instance).isEnded().hasPassed(DESTROY_CASE_RECORDS, RECORDS_DESTROYED);
    assertThat(count("select count(*) from support_request where id = ?", id)).isZero();
    for (String table : List.of("rssv_form", "remote_session", "recording", "support_file", "work_order", "survey",
        "mail_record")) {
      assertThat(count("select count(*) from " + table + " where support_request_id = ?", id)).as(table).isZero();
    }
    Map<String, Object> record = jdbc.sql("select retain_until, cases, erased, kept from record_destruction where job_number = ?")
        .param(job.jobNumber()).query().singleRow();
    assertThat(record.get("RETAIN_UNTIL").toString()).isEqualTo("2040-06-30");
    assertThat(record.get("CASES")).isEqualTo(1);
    assertThat((String) record.get("ERASED")).contains("SUPPORT_REQUEST=1", "WORK_ORDER=1", "MAIL=");
    assertThat(record.get("KEPT")).isNull();
    assertThat(record.values()).extracting(String::valueOf).noneMatch(v -> v.contains("Rhea") || v.contains("@"));

    // the history of the job's cases is removed now, not at each case's end + its model's time to live
    Date removal = history.createHistoricProcessInstanceQuery().processInstanceId(caseInstance).singleResult().getRemovalTime();
    assertThat(removal.toInstant()).isEqualTo(Instant.parse("2040-07-01T00:01:00Z"));
    String cleanup = history.cleanUpHistoryAsync(true).getId();
    management.executeJob(cleanup);
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(caseInstance).count()).isZero();
  }

  @Test
  void aCaseThatEndsKeepsItsHistoryUntilItsJobsRecordsGo_aChangedDateMovesIt() {
    Job job = registered(LocalDate.of(2030, 6, 30));
    String id = caseOf(job);
    Set<String> mine = instancesOf(job.jobNumber(), id);
    clockAt("2027-01-15T12:00:00Z"); // the survey link expired: the case ends unanswered
    runDueJobsOf(mine);
    var ended = history.createHistoricProcessInstanceQuery().processDefinitionKey(RemoteSupportProcess.KEY).processInstanceBusinessKey(id)
        .singleResult();
    assertThat(ended.getEndTime()).isNotNull();
    // not the case's end + the model's 10 years (2037), but when the job's records go
    assertThat(ended.getRemovalTime().toInstant()).isEqualTo(Instant.parse("2040-07-01T00:00:00Z"));
    assertThat(jdbc.sql("select count(*) from act_hi_actinst where proc_inst_id_ = ? and (removal_time_ is null or removal_time_ <> ?)")
        .params(ended.getId(), java.sql.Timestamp.from(Instant.parse("2040-07-01T00:00:00Z"))).query(Integer.class).single()).isZero();

    retention.changeObsolescenceDate(job.jobNumber(), LocalDate.of(2033, 3, 31));
    runDueJobsOf(mine); // the batch that sets the removal time
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(ended.getId()).singleResult().getRemovalTime().toInstant())
        .isEqualTo(Instant.parse("2043-04-01T00:00:00Z"));
  }

  @Test
  void aMovedObsolescenceDateMovesTheStoredDeadlineOfTheJobsSupportFiles() {
    Job job = registered(LocalDate.of(2030, 6, 30));
    String id = caseOf(job);
    Job other = registered(LocalDate.of(2030, 6, 30));
    String otherCase = caseOf(other);
    String sql = "select distinct retain_until from support_file where support_request_id = ?";
    assertThat(jdbc.sql(sql).param(id).query(LocalDate.class).list()).containsExactly(LocalDate.of(2040, 6, 30));

    retention.changeObsolescenceDate(job.jobNumber(), LocalDate.of(2033, 3, 31));
    assertThat(count("select count(*) from support_file where support_request_id = ?", id)).isEqualTo(2);
    assertThat(jdbc.sql(sql).param(id).query(LocalDate.class).list()).containsExactly(LocalDate.of(2043, 3, 31));
    assertThat(jdbc.sql(sql).param(otherCase).query(LocalDate.class).list()).containsExactly(LocalDate.of(2040, 6, 30)); // not another job's
  }

  @Test
  void aLegalHoldKeepsItsCategory_theNextPassAfterTheHoldDestroysTheRest() {
    Job job = registered(LocalDate.of(2030, 6, 30));
    String id = caseOf(job);
    jdbc.sql("insert into privacy_legal_hold (id, job_number, category, legal_basis, hold_until, created_at) values (?, ?, 'SUPPORT_FILES', ?, ?, current_timestamp)")
        .params(UUID.randomUUID().toString(), job.jobNumber(), "Security incident SI-9 under investigation", LocalDate.of(2040, 12, 31)).update();
    ProcessInstance instance = retentionOf(job.jobNumber());
    Set<String> mine = instancesOf(job.jobNumber(), id);

    clockAt("2040-07-01T00:01:00Z");
    runDueJobsOf(mine);
    assertThat(instance).isWaitingAt(AWAIT_RETENTION_END).hasPassed(DESTROY_CASE_RECORDS);
    assertThat(count("select count(*) from support_file where support_request_id = ?", id)).isEqualTo(2); // kept by the hold
    assertThat(count("select count(*) from work_order where support_request_id = ?", id)).isZero();
    assertThat(count("select count(*) from support_request where id = ? and requester_email like 'rhea%'", id)).isZero(); // pseudonymised
    assertThat(jdbc.sql("select kept from record_destruction where job_number = ?").param(job.jobNumber()).query(String.class).single())
        .contains("retained: Support files");
    assertThat(timerDue(instance).toInstant()).isEqualTo(Instant.parse("2040-07-31T00:01:00Z")); // re-checked after 30 days

    clockAt("2041-01-01T00:00:00Z"); // the hold ended with 2040
    runDueJobsOf(mine);
    assertThat(instance).isEnded();
    assertThat(count("select count(*) from support_file where support_request_id = ?", id)).isZero();
    assertThat(count("select count(*) from support_request where id = ?", id)).isZero();
    assertThat(count("select count(*) from record_destruction where job_number = ?", job.jobNumber())).isEqualTo(2);
  }

  @Test
  void operatorsMoveTheObsolescenceDate_theTimerMovesByMessage_badDates400UnknownJobs404StrangersRefused() {
    String number = "JP-" + UUID.randomUUID().toString().substring(0, 8);
    TestUsers.Login operator = users.login(Role.OPERATOR);
    Http http = new Http(port);
    assertThat(http.post("/api/jobs").as(operator).json("""
        {"jobNumber":"%s","jobName":"Patch Site","locationAddress":"1 Patch Road",
         "siteContact":{"name":"Sam Site","email":"sam@example.com"},
         "schedulingContact":{"name":"Pat Plan","email":"pat@example.com"},
         "systemObsolescenceDate":"2031-01-01"}""".formatted(number)).send().status()).isEqualTo(201);
    ProcessInstance instance = retentionOf(number);
    assertThat(timerDue(instance).toInstant()).isEqualTo(Instant.parse("2041-01-02T00:00:00Z"));

    Http.Response moved = http.call("PATCH", "/api/jobs/" + number).as(operator).json("{\"systemObsolescenceDate\":\"2035-05-05\"}").send();
    assertThat(moved.status()).isEqualTo(200);
    assertThat(moved.json().get("systemObsolescenceDate").asText()).isEqualTo("2035-05-05");
    ProcessInstance after = retentionOf(number);
    assertThat(after.getId()).isEqualTo(instance.getId()); // the same instance: moved, not restarted
    assertThat(after).isWaitingAt(AWAIT_RETENTION_END).hasPassed(OBSOLESCENCE_DATE_CHANGED);
    assertThat(timerDue(after).toInstant()).isEqualTo(Instant.parse("2045-05-06T00:00:00Z"));
    assertThat(jobs.find(number).orElseThrow().systemObsolescenceDate()).isEqualTo(LocalDate.of(2035, 5, 5));

    for (String bad : List.of("{\"systemObsolescenceDate\":\"2035-13-40\"}", "{\"systemObsolescenceDate\":\"soon\"}", "{}",
        "{\"systemObsolescenceDate\":\"1066-10-14\"}", "{\"systemObsolescenceDate\":\"2035-05-05\",\"jobName\":\"x\"}")) {
      assertThat(http.call("PATCH", "/api/jobs/" + number).as(operator).json(bad).send().status()).as(bad).isEqualTo(400);
    }
    assertThat(http.call("PATCH", "/api/jobs/J-NOPE-404").as(operator).json("{\"systemObsolescenceDate\":\"2035-05-05\"}").send().status())
        .isEqualTo(404);
    assertThat(http.call("PATCH", "/api/jobs/" + number).json("{\"systemObsolescenceDate\":\"2099-01-01\"}").send().status()).isEqualTo(401);
    assertThat(http.call("PATCH", "/api/jobs/" + number).as(users.login(Role.TECHNICIAN)).json("{\"systemObsolescenceDate\":\"2099-01-01\"}")
        .send().status()).isEqualTo(403);
    assertThat(timerDue(retentionOf(number)).toInstant()).isEqualTo(Instant.parse("2045-05-06T00:00:00Z")); // nothing changed by them
  }

  @Test
  void jobsWithoutARetentionInstanceGetOneAtStartUp() {
    Job job = lifecycle.newJob(); // inserted straight into the table, as jobs registered before the model existed
    assertThat(retentionOf(job.jobNumber())).isNull();
    retention.startMissing();
    assertThat(retentionOf(job.jobNumber())).isWaitingAt(AWAIT_RETENTION_END);
    retention.startMissing();
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(RecordRetentionProcess.KEY).processInstanceBusinessKey(job.jobNumber())
        .count()).isOne(); // never twice
    assertThat(RemoteSupportProcess.KEY).isNotEqualTo(RecordRetentionProcess.KEY);
  }
}
