package org.remoteservices.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.remoteservices.privacy.adapter.camunda.PrivacyProcess.Elements.*;
import static org.remoteservices.privacy.adapter.camunda.PrivacyProcess.RightElements.*;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.remoteservices.jobs.api.Job;
import org.remoteservices.privacy.adapter.camunda.PrivacyProcess;
import org.remoteservices.privacy.adapter.camunda.PrivacyProcess.Fields;
import org.remoteservices.privacy.application.PrivacyRequestService;
import org.remoteservices.privacy.application.SubjectChoicesService;
import org.remoteservices.privacy.domain.Deadlines;
import org.remoteservices.privacy.domain.Jurisdiction;
import org.remoteservices.privacy.domain.PrivacyRight;
import org.remoteservices.testsupport.Mails.Mail;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 11 (B): every right answered on the merits and on its own clock. Restriction and objection act on the running
 * case, refusals carry their reason and the right to complain, the ADMT right gets its statement, a duplicate right is
 * linked instead of run twice, and each clock (strictest default, job location, received day, opt-out split) holds.
 */
class PrivacyRightsAnsweredTest extends PrivacyTestSupport {
  private static final String RSSV_REMINDER = "Reminder: your RSSV form";

  @Autowired SubjectChoicesService choices;

  // ------------------------------------------------------------------ objection

  @Test
  void anObjectionWithoutCompellingGroundsStopsLegitimateInterestProcessing() {
    Subject s = subject("Oona Objects");
    String id = confirmedRequest(List.of(PrivacyRight.OBJECTION), s, null, Jurisdiction.EU);
    assertThat(instance(id)).isWaitingAt(EXECUTE_RIGHTS);
    assertThat(choices.allowsSurvey(s.email())).isFalse(); // in force while the officer reviews it
    complete(id, REVIEW_OBJECTION, Map.of());

    assertThat(instance(id)).isEnded().hasPassed(ANSWERED);
    assertThat(rightInstanceHistory(id, MAIL_OBJECTION_OVERRULED)).isZero();
    assertThat(choices.flagsOf(s.email())).contains("OBJECTION");
    assertThat(choices.allowsSurvey(s.email())).isFalse();
    assertThat(choices.mayMarket(s.email())).isFalse();
    assertThat(outcome(id, PrivacyRight.OBJECTION)).startsWith("DONE");
  }

  @Test
  void compellingGroundsOverruleTheObjectionAndAreMailedWithTheRightToComplain() {
    Subject s = subject("Otto Overruled");
    String id = confirmedRequest(List.of(PrivacyRight.OBJECTION), s, null, Jurisdiction.EU);
    // grounds are required to overrule
    assertThatThrownBy(() -> forms.submitTaskForm(task(id, REVIEW_OBJECTION).getId(), Map.of("objectionOverruled", true)))
        .hasMessageContaining("\"The compelling legitimate grounds\"").hasMessageNotContaining(Fields.COMPELLING_GROUNDS); // the field by its label, as Tasklist shows it
    complete(id, REVIEW_OBJECTION, Map.of("objectionOverruled", true,
        Fields.COMPELLING_GROUNDS, "the security log of remote access to the plant must be kept for incident investigations"));

    assertThat(instance(id)).isEnded().hasPassed(ANSWERED);
    assertThat(rightInstanceHistory(id, MAIL_OBJECTION_OVERRULED)).isOne();
    Mail grounds = mail("compelling legitimate grounds");
    assertThat(grounds.to()).containsExactly(s.email());
    assertThat(grounds.body()).contains("security log of remote access", "supervisory authority");
    assertThat(choices.flagsOf(s.email())).doesNotContain("OBJECTION");
    assertThat(outcome(id, PrivacyRight.OBJECTION)).startsWith("REFUSED").contains("compelling legitimate grounds");
    assertThat(mail("has been answered").body()).contains("not followed", "supervisory authority");
  }

  // ------------------------------------------------------------------ restriction

  @Test
  void aRestrictionPutsTheRunningCaseOnHoldUnlessTheOfficerLetsTheContractWorkContinue() {
    Subject held = subject("Hal Held");
    Subject continued = subject("Cora Continues");
    String heldRequest = confirmedRequest(List.of(PrivacyRight.RESTRICTION), held, null, Jurisdiction.EU);
    String continuedRequest = confirmedRequest(List.of(PrivacyRight.RESTRICTION), continued, null, Jurisdiction.EU);
    // the decision needs a reason
    assertThatThrownBy(() -> forms.submitTaskForm(task(heldRequest, DECIDE_RESTRICTED_WORK).getId(), Map.of()))
        .hasMessageContaining("\"Why\" is required").hasMessageNotContaining(Fields.RESTRICTION_REASON); // the field by its label, as Tasklist shows it
    complete(heldRequest, DECIDE_RESTRICTED_WORK, Map.of(Fields.RESTRICTION_REASON, "no open repair; the case only waits for a form"));
    complete(continuedRequest, DECIDE_RESTRICTED_WORK, Map.of(Fields.CONTINUE_OPEN_WORK, true,
        Fields.RESTRICTION_REASON, "the customer needs the ordered repair (service contract)"));
    assertThat(instance(heldRequest)).isEnded();
    assertThat(instance(continuedRequest)).isEnded();
    assertThat(outcome(heldRequest, PrivacyRight.RESTRICTION)).contains("on hold", "only store");
    assertThat(outcome(continuedRequest, PrivacyRight.RESTRICTION)).contains("continues", "service contract");

    // the RSSV reminder is due: the held case sends nothing, the continued one reminds
    advanceClock(Duration.ofDays(3).plusHours(1));
    assertThat(mailsTo(held.email())).extracting(Mail::subject).noneMatch(m -> m.contains(RSSV_REMINDER));
    assertThat(mailsTo(continued.email())).extracting(Mail::subject).anyMatch(m -> m.contains(RSSV_REMINDER));
    assertThat(choices.allowsSurvey(continued.email())).isFalse();
  }

  // ------------------------------------------------------------------ refusal on the merits

  @Test
  void aRectificationTheOfficerDoesNotAcceptIsRefusedWithTheReasonAndTheRightToComplain() {
    Subject s = subject("Rex Refused");
    String id = confirmedRequest(List.of(PrivacyRight.RECTIFICATION), s, null, Jurisdiction.EU);
    assertThatThrownBy(() -> forms.submitTaskForm(task(id, APPLY_RECTIFICATION).getId(), Map.of(Fields.RECTIFICATION_DECISION, "REFUSE")))
        .hasMessageContaining("\"Reason for the refusal\"").hasMessageNotContaining(Fields.REFUSAL_REASON); // the field by its label, as Tasklist shows it
    complete(id, APPLY_RECTIFICATION, Map.of(Fields.RECTIFICATION_DECISION, "REFUSE",
        Fields.REFUSAL_REASON, "the name matches the signed RSSV form"));

    assertThat(instance(id)).isEnded().hasPassed(ANSWERED);
    assertThat(outcome(id, PrivacyRight.RECTIFICATION)).startsWith("REFUSED").contains("signed RSSV form");
    assertThat(jdbc.sql("select count(*) from privacy_recipient_notice where privacy_request_id = ? and action = 'RECTIFICATION'")
        .param(id).query(Integer.class).single()).isZero();
    assertThat(jdbc.sql("select requester_name from support_request where id = ?").param(s.supportRequestId()).query(String.class).single())
        .isEqualTo(s.name());
    assertThat(mail("has been answered").body()).contains("not made", "signed RSSV form", "supervisory authority");
  }

  @Test
  void theDeadlineMissedTaskRecordsWhy() {
    Subject s = subject("Mia Missed");
    String id = confirmedRequest(List.of(PrivacyRight.RECTIFICATION), s, null, Jurisdiction.EU);
    Instant due = jdbc.sql("select due_at from privacy_request where id = ?").param(id).query(Timestamp.class).single().toInstant();
    ClockUtil.setCurrentTime(Date.from(due.plusSeconds(60)));
    runDueJobs();
    assertThatThrownBy(() -> forms.submitTaskForm(task(id, PrivacyProcess.Elements.DEADLINE_MISSED).getId(), Map.of()))
        .hasMessageContaining("\"Why the deadline was missed\"").hasMessageNotContaining(Fields.MISSED_REASON); // the field by its label, as Tasklist shows it
    complete(id, PrivacyProcess.Elements.DEADLINE_MISSED, Map.of(Fields.MISSED_REASON, "the officer on duty was ill; no deputy was assigned"));
    assertThat(jdbc.sql("select deadline_missed_reason from privacy_request where id = ?").param(id).query(String.class).single())
        .isEqualTo("the officer on duty was ill; no deputy was assigned");
  }

  // ------------------------------------------------------------------ automated decisions

  @Test
  void aRequestNotToBeSubjectToAutomatedDecisionsIsRecordedAndAnsweredWithTheConfiguredStatement() {
    String id = request(List.of(PrivacyRight.AUTOMATED_DECISIONS), "Ada Automated", "ada-admt@example.org", null, null, Jurisdiction.EU);
    assertThat(instance(id)).isEnded().hasPassed(EXECUTE_RIGHTS, ANSWERED).hasNotPassed(CHECK_IDENTITY);
    assertThat(rightInstanceHistory(id, ANSWER_AUTOMATED_DECISIONS)).isOne();
    assertThat(choices.flagsOf("ada-admt@example.org")).containsExactly("AUTOMATED_DECISIONS");
    assertThat(mail("has been answered").body()).contains("Not to be subject to decisions based solely on automated processing",
        "decided and handled by people");
  }

  // ------------------------------------------------------------------ each opt-out's effect

  @Autowired org.remoteservices.privacy.api.SharingPermissions sharing;

  @Test
  void eachOptOutStopsSharingSupportFilesWithContractorsAndWithdrawnConsentStopsMarketing() {
    assertThat(sharing.mayShareWithContractors("nobody-opted-out@example.org")).isTrue();
    for (PrivacyRight right : List.of(PrivacyRight.OPT_OUT_OF_SALE, PrivacyRight.LIMIT_SENSITIVE, PrivacyRight.WITHDRAW_CONSENT)) {
      String email = "optout-" + right.name().toLowerCase() + "@example.org";
      assertThat(sharing.mayShareWithContractors(email)).isTrue();
      String id = request(List.of(right), "Opt Out", email, null, null, Jurisdiction.US_CA);
      assertThat(instance(id)).isEnded().hasPassed(ANSWERED).hasNotPassed(CHECK_IDENTITY);
      assertThat(sharing.mayShareWithContractors(email)).as(right.name()).isFalse();
      assertThat(sharing.mayShareWithContractors(email.toUpperCase())).as(right.name() + ", any case").isFalse();
      assertThat(choices.mayMarket(email)).as(right.name()).isEqualTo(right != PrivacyRight.WITHDRAW_CONSENT);
    }
    assertThat(sharing.mayShareWithContractors(null)).isFalse();
  }

  // ------------------------------------------------------------------ duplicates

  @Test
  void aSecondOpenRequestForTheSameRightIsLinkedToTheFirstNotRunTwice() {
    Subject s = subject("Dora Double");
    String first = request(List.of(PrivacyRight.ACCESS), s.name(), s.email(), s.phone(), null, Jurisdiction.EU);
    assertThat(instance(first)).isWaitingAt(REVIEW_VERIFICATION);
    String firstRef = privacyRequests.get(first).reference();
    String second = request(List.of(PrivacyRight.ACCESS, PrivacyRight.UNSUBSCRIBE_MARKETING), s.name(), s.email().toUpperCase(), s.phone(),
        null, Jurisdiction.EU);

    assertThat(outcome(second, PrivacyRight.ACCESS)).startsWith("LINKED").contains(firstRef);
    assertThat(privacyRequests.rightsOf(second)).containsExactly("UNSUBSCRIBE_MARKETING");
    assertThat(instance(second)).isEnded().hasPassed(ANSWERED).hasNotPassed(CHECK_IDENTITY); // nothing left that needs verification
    assertThat(mail("has been answered").body()).contains("already being answered under your request " + firstRef);
    assertThat(jdbc.sql("select linked_request_id from privacy_request_right where privacy_request_id = ? and right_type = 'ACCESS'")
        .param(second).query(String.class).single()).isEqualTo(first);

    confirmAtRecord(s.email());
    assertThat(instance(first)).isEnded().hasPassed(ANSWERED);
    assertThat(mails()).filteredOn(m -> m.subject().contains("ready to download") || m.body().contains("/portal/privacy/download/")).hasSize(1);
  }

  // ------------------------------------------------------------------ clocks

  @Test
  void withoutAJurisdictionOrAKnownJobLocationTheStrictestClockApplies() {
    Subject s = subject("Una Unknown"); // the test job's address names no country
    String id = request(List.of(PrivacyRight.ACCESS), s.name(), s.email(), s.phone(), s.job().jobNumber(), null);
    var row = jdbc.sql("select jurisdiction, received_at, due_at, ack_due_at from privacy_request where id = ?").param(id).query().singleRow();
    LocalDate received = day(row.get("RECEIVED_AT"));
    assertThat(row.get("JURISDICTION")).isEqualTo("UNKNOWN");
    assertThat(day(row.get("DUE_AT"))).isEqualTo(received.plusMonths(1).plusDays(1)); // the day after the deadline day starts
    assertThat(day(row.get("ACK_DUE_AT"))).isEqualTo(Deadlines.plusBusinessDays(received, 10).plusDays(1));
  }

  @Test
  void withoutAJurisdictionTheJobsLocationDecides() {
    Job californian = new Job("J-CA-" + System.nanoTime() % 100000, "Bay plant", "1 Harbor Way, San Jose, CA 95113",
        new Job.Contact("Sam Site", "sam-site@example.com", "+1 555 0101"), new Job.Contact("Sal Sched", "sal-sched@example.com", "+1 555 0102"),
        LocalDate.of(2034, 1, 1));
    jobs.insert(californian);
    Job german = new Job("J-DE-" + System.nanoTime() % 100000, "Werk Nord", "Hafenstraße 3, 20457 Hamburg, Germany",
        new Job.Contact("Sven Site", "sven-site@example.com", "+49 40 0101"), new Job.Contact("Sina Plan", "sina-plan@example.com", "+49 40 0102"),
        LocalDate.of(2034, 1, 1));
    jobs.insert(german);
    String ca = request(List.of(PrivacyRight.ACCESS), "Cal Resident", "cal-resident@example.org", null, californian.jobNumber(), null);
    String de = request(List.of(PrivacyRight.ACCESS), "Dirk Bewohner", "dirk-bewohner@example.org", null, german.jobNumber(), null);
    String typed = privacyRequests.receive(new PrivacyRequestService.Intake("PORTAL", List.of(PrivacyRight.ACCESS), "Lena London",
        "lena-london@example.org", null, null, "12 Baker Street, London, United Kingdom", null, null, false, null, null)).id();
    assertThat(privacyRequests.get(ca).jurisdiction()).isEqualTo(Jurisdiction.US_CA);
    assertThat(privacyRequests.get(de).jurisdiction()).isEqualTo(Jurisdiction.EU);
    assertThat(privacyRequests.get(typed).jurisdiction()).isEqualTo(Jurisdiction.UK);
    var r = privacyRequests.get(ca);
    assertThat(day(r.dueAt())).isEqualTo(day(r.receivedAt()).plusDays(46));
  }

  @Test
  void aRequestEnteredByStaffCountsEveryClockFromTheDayItWasReceived() {
    Subject s = subject("Phil Phoned");
    LocalDate today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.UTC);
    LocalDate receivedOn = today.minusDays(10);
    String definitionId = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(PrivacyProcess.KEY).latestVersion()
        .singleResult().getId();
    Map<String, Object> fields = new HashMap<>(Map.of("input_channel", "LETTER", "input_name", s.name(), "input_email", s.email(),
        "input_jurisdiction", "EU", "input_rights", org.camunda.spin.plugin.variable.SpinValues.jsonValue("[\"ACCESS\"]").create()));
    fields.put(Fields.RECEIVED_ON, today.plusDays(1).toString());
    assertThatThrownBy(() -> forms.submitStartForm(definitionId, fields)).hasMessageContaining("\"Day the request was received").hasMessageContaining("cannot be in the future").hasMessageNotContaining(Fields.RECEIVED_ON);
    fields.put(Fields.RECEIVED_ON, receivedOn.toString());
    ProcessInstance started = forms.submitStartForm(definitionId, fields);
    runDueJobs();
    var request = privacyRequests.get(started.getBusinessKey());
    assertThat(request.receivedAt()).isEqualTo(receivedOn.atStartOfDay(ZoneOffset.UTC).toInstant());
    assertThat(request.dueAt()).isEqualTo(receivedOn.plusMonths(1).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    // the model's deadline timer shows the same date
    var timer = engine.getManagementService().createJobQuery().processInstanceId(started.getId()).timers().list().stream()
        .filter(j -> j.getDuedate().toInstant().equals(request.dueAt())).toList();
    assertThat(timer).hasSize(1);
  }

  @Test
  void optOutPartsOfAMixedRequestRunOnTheirOwnFifteenBusinessDayClockWithoutVerification() {
    Subject s = subject("Mo Mixed");
    String main = request(List.of(PrivacyRight.ACCESS, PrivacyRight.OPT_OUT_OF_SALE, PrivacyRight.LIMIT_SENSITIVE), s.name(), s.email(), s.phone(),
        null, Jurisdiction.US_CA);
    assertThat(instance(main)).isWaitingAt(REVIEW_VERIFICATION);
    assertThat(privacyRequests.get(main).rights()).containsExactly(PrivacyRight.ACCESS);
    String split = jdbc.sql("select id from privacy_request where split_from_id = ?").param(main).query(String.class).single();
    var optOut = privacyRequests.get(split);
    assertThat(optOut.rights()).containsExactly(PrivacyRight.OPT_OUT_OF_SALE, PrivacyRight.LIMIT_SENSITIVE);
    assertThat(day(optOut.dueAt())).isEqualTo(Deadlines.plusBusinessDays(day(optOut.receivedAt()), 15).plusDays(1));
    assertThat(day(privacyRequests.get(main).dueAt())).isEqualTo(day(optOut.receivedAt()).plusDays(46));
    // answered on its own, before anyone verified the access part
    assertThat(optOut.completedAt()).isNotNull();
    assertThat(choices.mayShareWithThirdParties(s.email())).isFalse();
    assertThat(mails()).filteredOn(m -> m.subject().contains("has been answered")).hasSize(1);
    assertThat(mail("has been answered").body()).contains("Opt-out of the sale", "Limiting the use of sensitive");
  }

  @Test
  void theCcpaAcknowledgementHasItsOwnTimerAtTenBusinessDays() {
    Subject s = subject("Cal Acknowledged");
    String id = request(List.of(PrivacyRight.ACCESS), s.name(), s.email(), s.phone(), null, Jurisdiction.US_CA);
    var request = privacyRequests.get(id);
    assertThat(day(request.ackDueAt())).isEqualTo(Deadlines.plusBusinessDays(day(request.receivedAt()), 10).plusDays(1));
    var watch = engine.getManagementService().createJobQuery().processInstanceId(instance(id).getId()).timers()
        .activityId(ACKNOWLEDGEMENT_DUE).singleResult();
    assertThat(watch.getDuedate().toInstant()).isEqualTo(request.ackDueAt());
    // the acknowledgement mail failed (say): at the deadline the watch sends it and records it
    jdbc.sql("update privacy_request set acknowledged_at = null where id = ?").param(id).update();
    ClockUtil.setCurrentTime(Date.from(request.ackDueAt().plusSeconds(60)));
    runDueJobs();
    assertThat(instance(id)).hasPassed(ACKNOWLEDGEMENT_DUE, CHECK_ACKNOWLEDGEMENT);
    assertThat(jdbc.sql("select acknowledged_at from privacy_request where id = ?").param(id).query(Timestamp.class).single()).isNotNull();
  }

  private long rightInstanceHistory(String privacyRequestId, String activityId) {
    return engine.getHistoryService().createHistoricActivityInstanceQuery().activityId(activityId).list().stream()
        .filter(a -> engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(a.getProcessInstanceId())
            .processInstanceBusinessKey(privacyRequestId).count() > 0)
        .count();
  }

  private static LocalDate day(Object timestamp) {
    Instant instant = timestamp instanceof Timestamp t ? t.toInstant() : (Instant) timestamp;
    return LocalDate.ofInstant(instant, ZoneOffset.UTC);
  }
}
