package org.remoteservices.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.remoteservices.privacy.adapter.camunda.PrivacyProcess.Fields;
import org.remoteservices.privacy.adapter.camunda.PrivacyProcess.RestrictionLift;
import org.remoteservices.privacy.adapter.camunda.PrivacyProcess.RightElements;
import org.remoteservices.privacy.application.RestrictionLifts;
import org.remoteservices.privacy.application.SubjectChoicesService;
import org.remoteservices.privacy.domain.Jurisdiction;
import org.remoteservices.privacy.domain.PrivacyRight;
import org.remoteservices.shared.security.Groups;
import org.remoteservices.testsupport.Mails.Mail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** "We'll tell you before we lift any restriction": the notice goes out first, the restriction ends after the notice period. */
class RestrictionLiftTest extends PrivacyTestSupport {
  private static final String RSSV_REMINDER = "Reminder: your RSSV form";
  @Autowired TestRestTemplate http;
  @Autowired SubjectChoicesService choices;
  @Autowired RestrictionLifts lifts;

  @Test
  void liftingARestrictionTellsThePersonFirstAndResumesTheCaseOnlyAfterTheNoticePeriod() {
    Subject s = subject("Lia Lifted");
    String id = confirmedRequest(List.of(PrivacyRight.RESTRICTION), s, null, Jurisdiction.EU);
    complete(id, RightElements.DECIDE_RESTRICTED_WORK, Map.of(Fields.RESTRICTION_REASON, "no work the customer needs now"));
    assertThat(choices.allowsReminders(s.email())).isFalse();
    String officer = user(Groups.PRIVACY_OFFICERS);
    String technician = user(Groups.TECHNICIANS);
    String path = "/api/privacy-requests/" + id + "/restriction-lift";

    assertThat(http.withBasicAuth(technician, "pw-" + technician).postForEntity(path, json(Map.of("reason", "x")), Map.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(http.withBasicAuth(officer, "pw-" + officer).postForEntity(path, json(Map.of("reason", " ")), Map.class).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(http.withBasicAuth(officer, "pw-" + officer).postForEntity("/api/privacy-requests/" + UUID.randomUUID() + "/restriction-lift",
        json(Map.of("reason", "x")), Map.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    ResponseEntity<Map> started = http.withBasicAuth(officer, "pw-" + officer)
        .postForEntity(path, json(Map.of("reason", "the customer confirmed that the contact data we hold is accurate")), Map.class);
    assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(started.getBody()).containsKey("liftAt");
    assertThat(http.withBasicAuth(officer, "pw-" + officer).postForEntity(path, json(Map.of("reason", "again")), Map.class).getStatusCode())
        .isEqualTo(HttpStatus.CONFLICT);
    runDueJobs();

    ProcessInstance lift = runtime.createProcessInstanceQuery().processDefinitionKey(RestrictionLift.KEY).processInstanceBusinessKey(id)
        .singleResult();
    assertThat(lift).hasPassed(RestrictionLift.MAIL_LIFT_NOTICE).isWaitingAt(RestrictionLift.NOTICE_PERIOD_OVER);
    Mail notice = mail("We will lift the restriction");
    assertThat(notice.to()).containsExactly(s.email());
    assertThat(notice.body()).contains("before it happens", "contact data we hold is accurate");
    // nothing changes during the notice period, and nobody can lift it early (not even by moving the token)
    advanceClock(Duration.ofDays(13));
    assertThat(choices.flagsOf(s.email())).contains("RESTRICTION");
    assertThat(choices.allowsReminders(s.email())).isFalse();
    assertThatThrownBy(() -> lifts.lift(id)).hasMessageContaining("cannot be lifted before");

    advanceClock(Duration.ofDays(1).plusMinutes(1));
    assertThat(lift).isEnded().hasPassed(RestrictionLift.NOTICE_PERIOD_OVER, RestrictionLift.LIFT_RESTRICTION, RestrictionLift.LIFTED);
    assertThat(choices.flagsOf(s.email())).doesNotContain("RESTRICTION");
    assertThat(choices.allowsReminders(s.email())).isTrue();
    assertThat(choices.allowsSurvey(s.email())).isTrue();
    assertThat(jdbc.sql("select count(*) from privacy_restriction_lift where privacy_request_id = ? and lifted_at > notice_sent_at")
        .param(id).query(Integer.class).single()).isOne();
  }

  @Test
  void anRssvReminderWithheldWhileOnHoldIsSentOnceTheRestrictionIsLifted_ifStillDue() {
    Subject s = subject("Wim Withheld");
    String id = confirmedRequest(List.of(PrivacyRight.RESTRICTION), s, null, Jurisdiction.EU);
    complete(id, RightElements.DECIDE_RESTRICTED_WORK, Map.of(Fields.RESTRICTION_REASON, "the case only waits for a form"));
    advanceClock(Duration.ofDays(3).plusHours(1)); // the reminder's time: withheld (on hold)
    assertThat(mailsTo(s.email())).extracting(Mail::subject).noneMatch(m -> m.contains(RSSV_REMINDER));

    lifts.requestLift(id, "the customer asked us to go on with the repair", "officer");
    runDueJobs();
    assertThat(mail("We will lift the restriction").to()).containsExactly(s.email());
    // a shorter notice period than the default 14 days (which would outlast the form's 14-day link)
    ProcessInstance lift = runtime.createProcessInstanceQuery().processDefinitionKey(RestrictionLift.KEY).processInstanceBusinessKey(id)
        .singleResult();
    java.time.Instant liftAt = ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(2));
    jdbc.sql("update privacy_restriction_lift set lift_at = ? where privacy_request_id = ?").params(java.sql.Timestamp.from(liftAt), id).update();
    management.setJobDuedate(management.createJobQuery().processInstanceId(lift.getId()).timers().singleResult().getId(),
        java.util.Date.from(liftAt));
    advanceClock(Duration.ofDays(1));
    assertThat(mailsTo(s.email())).extracting(Mail::subject).noneMatch(m -> m.contains(RSSV_REMINDER)); // still restricted

    advanceClock(Duration.ofDays(1).plusMinutes(1));
    assertThat(lift).isEnded().hasPassed(RestrictionLift.LIFT_RESTRICTION);
    assertThat(mailsTo(s.email())).extracting(Mail::subject).filteredOn(m -> m.contains(RSSV_REMINDER)).hasSize(1);
    lifts.lift(id); // again: nothing more is sent
    assertThat(mailsTo(s.email())).extracting(Mail::subject).filteredOn(m -> m.contains(RSSV_REMINDER)).hasSize(1);
  }

  @Test
  void aWithheldReminderNoLongerDueIsNotSentOnLift() {
    Subject s = subject("Eda Expired");
    String id = confirmedRequest(List.of(PrivacyRight.RESTRICTION), s, null, Jurisdiction.EU);
    complete(id, RightElements.DECIDE_RESTRICTED_WORK, Map.of(Fields.RESTRICTION_REASON, "the case only waits for a form"));
    advanceClock(Duration.ofDays(3).plusHours(1));
    lifts.requestLift(id, "the customer confirmed the data", "officer");
    runDueJobs();
    advanceClock(Duration.ofDays(14).plusMinutes(1)); // the default notice period: the form's link expired meanwhile
    assertThat(choices.flagsOf(s.email())).doesNotContain("RESTRICTION");
    assertThat(mailsTo(s.email())).extracting(Mail::subject).noneMatch(m -> m.contains(RSSV_REMINDER));
  }

  @Test
  void onlyARestrictionInForceCanBeLifted() {
    Subject s = subject("Nel Norestriction");
    String id = confirmedRequest(List.of(PrivacyRight.ACCESS), s, null, Jurisdiction.EU);
    assertThatThrownBy(() -> lifts.requestLift(id, "no reason", "someone")).hasMessageContaining("holds no restriction in force");
  }

}
