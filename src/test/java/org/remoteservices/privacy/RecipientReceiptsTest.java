package org.remoteservices.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.remoteservices.privacy.adapter.camunda.PrivacyProcess.Fields;
import org.remoteservices.privacy.adapter.camunda.PrivacyProcess.RightElements;
import org.remoteservices.privacy.application.RecipientReceipts;
import org.remoteservices.privacy.domain.Jurisdiction;
import org.remoteservices.privacy.domain.PrivacyRight;
import org.remoteservices.testsupport.Mails.Mail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Art. 19 notices carry a receipt link; receipts are recorded, unanswered notices get one reminder. */
class RecipientReceiptsTest extends PrivacyTestSupport {
  @Autowired TestRestTemplate http;
  @Autowired RecipientReceipts receipts;

  @Test
  void everyNoticeHasAReceiptLinkAndTheUnansweredAreRemindedOnce() {
    Subject s = subject("Rhea Receipts");
    throughWorkOrder(s);
    String id = confirmedRequest(List.of(PrivacyRight.RESTRICTION), s, null, Jurisdiction.EU);
    complete(id, RightElements.DECIDE_RESTRICTED_WORK, Map.of(Fields.RESTRICTION_REASON, "the work order is done"));
    String site = s.job().siteContact().email();
    String scheduler = s.job().schedulingContact().email();
    Mail toSite = mailsTo(site).stream().filter(m -> m.subject().contains("restriction")).reduce((a, b) -> b).orElseThrow();
    assertThat(toSite.body()).contains("/portal/privacy/receipt/").doesNotContain(s.name());
    String token = toSite.linkToken("/portal/privacy/receipt/");

    assertThat(http.getForEntity("/portal/privacy/receipt/" + token, String.class).getBody()).contains("privacy-receipt");
    assertThat(http.getForEntity("/api/privacy/receipts/" + token, Map.class).getBody()).containsEntry("status", "OPEN")
        .containsEntry("action", "RESTRICTION");
    ResponseEntity<Map> confirmed = http.postForEntity("/api/privacy/receipts/" + token, new HttpEntity<>(ajax()), Map.class);
    assertThat(confirmed.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(confirmed.getBody()).containsEntry("status", "CONFIRMED");
    assertThat(http.postForEntity("/api/privacy/receipts/" + token, new HttpEntity<>(ajax()), Map.class).getStatusCode())
        .isEqualTo(HttpStatus.GONE); // single use
    assertThat(jdbc.sql("select count(*) from privacy_recipient_notice where privacy_request_id = ? and receipt_confirmed_at is not null")
        .param(id).query(Integer.class).single()).isOne();

    // a week later the others are reminded, once; the one that confirmed is not
    receipts.remindUnanswered();
    assertThat(mailsTo(scheduler)).noneMatch(m -> m.subject().startsWith("Reminder: please confirm")); // not before a week
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(RecipientReceipts.REMIND_AFTER).plus(Duration.ofHours(1))));
    int reminded = receipts.remindUnanswered();
    assertThat(reminded).isPositive();
    assertThat(mailsTo(scheduler)).filteredOn(m -> m.subject().startsWith("Reminder: please confirm our privacy notice")).hasSize(1);
    assertThat(mailsTo(scheduler).stream().filter(m -> m.subject().startsWith("Reminder: please confirm")).findFirst().orElseThrow().body())
        .contains("/portal/privacy/receipt/");
    assertThat(mailsTo(site)).noneMatch(m -> m.subject().startsWith("Reminder: please confirm"));
    assertThat(receipts.remindUnanswered()).isZero();
  }

  @Test
  void aSchedulingContactInvitedToASessionIsToldEvenWithoutAWorkOrder() {
    Subject s = subject("Ivo Invited");
    lifecycle.rssv.signOnline(mailToken(s.email(), "/portal/rssv/"), s.name(), true);
    lifecycle.acceptAndSchedule(s.supportRequestId());
    String id = confirmedRequest(List.of(PrivacyRight.RESTRICTION), s, null, Jurisdiction.EU);
    complete(id, RightElements.DECIDE_RESTRICTED_WORK, Map.of(Fields.RESTRICTION_REASON, "the session is not needed now"));
    List<String> told = jdbc.sql("select recipient_email from privacy_recipient_notice where privacy_request_id = ? and notified_at is not null")
        .param(id).query(String.class).list();
    assertThat(told).contains(s.job().schedulingContact().email()).doesNotContain(s.job().siteContact().email());
  }

  private static HttpHeaders ajax() {
    HttpHeaders headers = new HttpHeaders();
    headers.set("X-Requested-With", "XMLHttpRequest");
    return headers;
  }
}
