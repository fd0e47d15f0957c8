package org.remoteservices.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.remoteservices.privacy.PrivacyTestSupportAccess;
import org.remoteservices.privacy.domain.PrivacyRight;
import org.remoteservices.testsupport.Mails.Mail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A stranger who knows a customer's name and phone (and perhaps their job number) tries to get or change their data,
 * over real HTTP, against a customer with a finished case; GreenMail counts what reaches the stranger's mailbox.
 * What must hold: personal data goes only to the address on record, the stranger's mails reveal nothing (they read the
 * same whether we hold data or not), nothing is erased or changed without the person's confirmation there, and no
 * mailed link or code is usable from a copy of the database.
 */
class ImpostorTest extends PrivacyTestSupportAccess {
  private static final Pattern LINK = Pattern.compile("/portal/[a-z/-]+/([A-Za-z0-9_-]{43})");

  @Autowired TestRestTemplate http;

  private Subject victimWithAFinishedCase() {
    Subject s = subject("Vera Victim " + UUID.randomUUID().toString().substring(0, 4).replaceAll("\\d", "x"));
    throughWorkOrder(s);
    lifecycle.surveys.answer(mailToken(s.email(), "/portal/survey/"), 5, "fine");
    return s;
  }

  private String submit(List<PrivacyRight> rights, String name, String email, String phone, String jobNumber, Map<String, String> agent) {
    Map<String, Object> body = new HashMap<>(Map.of("rights", rights.stream().map(Enum::name).toList(), "name", name, "email", email,
        "jurisdiction", "EU"));
    if (phone != null) body.put("phone", phone);
    if (jobNumber != null) body.put("jobNumber", jobNumber);
    if (agent != null) body.put("agent", agent);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<Map> created = http.postForEntity("/api/privacy-requests", new HttpEntity<>(body, headers), Map.class);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    // the answer says nothing of what we hold (gpcHonored reflects only the request's own Sec-GPC header)
    assertThat(created.getBody()).containsOnlyKeys("id", "reference", "status", "dueAt", "gpcHonored");
    runDueJobs();
    return (String) created.getBody().get("id");
  }

  /** Everything the stranger's mailbox got holds nothing of the victim and no link or code that releases anything. */
  private void assertNothingOfTheVictimReached(String strangerAddress, Subject victim) {
    List<Mail> got = mailsTo(strangerAddress);
    assertThat(got).isNotEmpty(); // the stranger does get the receipt: the check below is about what it says
    for (Mail m : got) {
      assertThat(m.attachments()).isEmpty();
      assertThat(m.subject() + m.body()).doesNotContain(victim.email(), victim.job().jobNumber(), victim.job().jobName(), "RS-",
          "/portal/privacy/download/", "/portal/privacy/identity/", "/portal/privacy/declaration/", "/portal/privacy/confirmation/", "Your code");
    }
  }

  @Test
  void nameAndPhoneWithTheStrangersOwnAddressReleaseNothing() {
    Subject victim = victimWithAFinishedCase();
    String stranger = "stranger-" + UUID.randomUUID() + "@evil.example";
    String id = submit(List.of(PrivacyRight.ACCESS, PrivacyRight.PORTABILITY), victim.name(), stranger, victim.phone(), null, null);

    assertNothingOfTheVictimReached(stranger, victim);
    // the victim is asked, at the address we hold
    assertThat(mail("Please confirm").to()).containsExactly(victim.email());
    assertThat(status(id)).isEqualTo("VERIFYING");
    assertThat(jdbc.sql("select count(*) from privacy_download where privacy_request_id = ?").param(id).query(Integer.class).single()).isZero();
    // if the victim confirms (it was them after all, writing from another address), the data still goes only to the address on record
    confirmAtRecord(victim.email());
    assertThat(mail("ready to download").to()).containsExactly(victim.email());
    assertNothingOfTheVictimReached(stranger, victim);
  }

  @Test
  void nameAndPhoneAndJobNumberCannotErase() {
    Subject victim = victimWithAFinishedCase();
    String stranger = "stranger-" + UUID.randomUUID() + "@evil.example";
    String id = submit(List.of(PrivacyRight.ERASURE), victim.name(), stranger, victim.phone(), victim.job().jobNumber(), null);

    assertNothingOfTheVictimReached(stranger, victim);
    assertThat(mail("Please confirm").to()).containsExactly(victim.email()); // with the declaration link: at the address on record
    assertThat(mail("Please confirm").body()).contains("/portal/privacy/declaration/");
    assertThat(status(id)).isEqualTo("VERIFYING");
    assertThat(jdbc.sql("select count(*) from support_request where id = ? and requester_email = ?").params(victim.supportRequestId(), victim.email())
        .query(Integer.class).single()).isEqualTo(1);
  }

  @Test
  void anAddressWeDoNotHoldGetsTheSameAnswerAsOneWeDo() {
    Subject victim = victimWithAFinishedCase();
    String stranger = "stranger-" + UUID.randomUUID() + "@evil.example";
    submit(List.of(PrivacyRight.ACCESS), victim.name(), stranger, victim.phone(), null, null);
    String nobody = "nobody-" + UUID.randomUUID() + "@evil.example";
    submit(List.of(PrivacyRight.ACCESS), "Nobody Atall", nobody, "+1 555 000 0000", null, null);

    // what the two mailboxes got reads the same but for the reference: nothing tells whether we hold data about the person
    List<String> known = mailsTo(stranger).stream().map(m -> (m.subject() + "\n" + m.body()).replaceAll("PR-\\d+", "PR-x")
        .replaceAll("Hello [^,]+,", "Hello,")).toList();
    List<String> unknown = mailsTo(nobody).stream().map(m -> (m.subject() + "\n" + m.body()).replaceAll("PR-\\d+", "PR-x")
        .replaceAll("Hello [^,]+,", "Hello,")).toList();
    assertThat(known).hasSize(2).isEqualTo(unknown);
  }

  @Test
  void aForgedAgentGetsNothingWithoutThePersonsOwnConfirmation() throws Exception {
    Subject victim = victimWithAFinishedCase();
    String agent = "agent-" + UUID.randomUUID() + "@evil.example";
    String id = submit(List.of(PrivacyRight.ACCESS), victim.name(), victim.email(), victim.phone(), null, Map.of("name", "Eve Agent", "email", agent));
    // the forged agent uploads a "signed permission"
    evidence.upload(org.remoteservices.shared.tokens.TokenPurpose.AGENT_PERMISSION, mailToken(agent, "/portal/privacy/agent-permission/"),
        org.remoteservices.shared.pdf.PdfBuilder.document("Permission").paragraph("I authorise Eve.").build());
    runDueJobs();
    assertThat(status(id)).isEqualTo("VERIFYING");
    assertThat(mailsTo(agent)).extracting(Mail::body).noneMatch(b -> b.contains("/portal/privacy/download/") || b.contains("Your code"));
    assertThat(mail("Please confirm").to()).containsExactly(victim.email());
    assertThat(mail("Please confirm").body()).contains("Eve Agent");
  }

  @Test
  void aRectificationOfTheEmailIsConfirmedAtTheOldAddress() {
    Subject victim = victimWithAFinishedCase();
    String id = confirmedRequest(List.of(PrivacyRight.RECTIFICATION), victim, null, org.remoteservices.privacy.domain.Jurisdiction.EU);
    String attacker = "new-" + UUID.randomUUID() + "@evil.example";
    complete(id, "userTask_applyRectification", Map.of("input_correctedEmail", attacker));

    // nothing moved yet: the old address is asked, the new one gets nothing
    assertThat(jdbc.sql("select requester_email from support_request where id = ?").param(victim.supportRequestId()).query(String.class).single())
        .isEqualTo(victim.email());
    assertThat(mail("Please confirm the change of your e-mail address").to()).containsExactly(victim.email());
    assertThat(mailsTo(attacker)).isEmpty();
    // the person confirms from the old address: now it takes effect
    choices.confirmEmailChange(mailToken(victim.email(), "/portal/privacy/email-change/"));
    assertThat(jdbc.sql("select requester_email from support_request where id = ?").param(victim.supportRequestId()).query(String.class).single())
        .isEqualTo(attacker);
  }

  @Test
  void noMailedLinkOrCodeIsInTheDatabase() {
    Subject victim = victimWithAFinishedCase();
    confirmedRequest(List.of(PrivacyRight.ACCESS), victim, null, org.remoteservices.privacy.domain.Jurisdiction.EU);
    List<String> secrets = new java.util.ArrayList<>();
    for (Mail m : mails()) {
      Matcher link = LINK.matcher(m.body());
      while (link.find()) {
        secrets.add(link.group(1));
      }
      Matcher code = Pattern.compile("Your code: (\\S+)").matcher(m.body());
      while (code.find()) {
        secrets.add(code.group(1));
      }
    }
    assertThat(secrets).as("RSSV, survey, confirmation, download links and the code were mailed").hasSizeGreaterThanOrEqualTo(5);
    String dump = String.join("\n", jdbc.sql("SCRIPT").query(String.class).list());
    assertThat(dump).contains("MAIL_RECORD");
    for (String secret : secrets) {
      assertThat(dump).as("the database holds a mailed secret").doesNotContain(secret);
    }
    assertThat(dump).contains("[removed after delivery]");
  }
}
