package org.remoteservices.communications;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.remoteservices.communications.adapter.camunda.CommunicationProcess;
import org.remoteservices.jobs.adapter.db.JobRepository;
import org.remoteservices.privacy.adapter.db.PrivacyRecordsRepository;
import org.remoteservices.privacy.application.SubjectKeys;
import org.remoteservices.testsupport.Http;
import org.remoteservices.testsupport.IntegrationTest;
import org.remoteservices.testsupport.RawHttp;
import org.remoteservices.testsupport.TestMailServer;
import org.remoteservices.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Communications by purpose on a mixed population: consented or not, restricted, objecting, unsubscribed, withdrawn,
 * erased, in the US, Canada and the EU, and the jobs' site and scheduling contacts. Each purpose reaches exactly the
 * right people, each of them exactly once; the one-click unsubscribe works as mail providers call it; GPC is honored
 * at each entry point.
 */
class CommunicationsTest extends IntegrationTest {
  @LocalServerPort int port;
  @Autowired TestUsers users;
  @Autowired JobRepository jobs;
  @Autowired PrivacyRecordsRepository flags;
  @Autowired SubjectKeys keys;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired JdbcClient jdbc;

  Http http;
  TestUsers.Login operator;
  String suffix;
  org.remoteservices.jobs.api.Job job;
  Map<String, String> people; // role -> email

  @BeforeEach
  void population() {
    http = new Http(port);
    operator = users.login(TestUsers.Role.OPERATOR);
    suffix = UUID.randomUUID().toString().substring(0, 8);
    job = new org.remoteservices.jobs.api.Job("JC-" + suffix, "Comms Site " + suffix, "1 Comms Road",
        new org.remoteservices.jobs.api.Job.Contact("Site Person", "site-" + suffix + "@example.com", "+1 555 0001"),
        new org.remoteservices.jobs.api.Job.Contact("Plan Person", "plan-" + suffix + "@example.com", "+1 555 0002"),
        LocalDate.of(2031, 1, 1));
    jobs.insert(job);
    people = new LinkedHashMap<>();
    people.put("site", job.siteContact().email());
    people.put("plan", job.schedulingContact().email());
    intake("consentUs", true, "US");
    intake("consentCa", true, "ca");
    intake("consentEu", true, "DE");
    intake("noConsentUs", false, "US");
    intake("restrictedUs", true, "US");
    intake("objectingUs", true, "US");
    intake("unsubscribedUs", true, "US");
    intake("withdrawnCa", true, "CA");
    String erased = intake("erasedUs", true, "US");
    flag("restrictedUs", "RESTRICTION");
    flag("objectingUs", "OBJECTION");
    flag("unsubscribedUs", "UNSUBSCRIBE_MARKETING");
    flag("withdrawnCa", "WITHDRAW_CONSENT");
    erase(erased);
    people.remove("erasedUs");
  }

  private String intake(String role, boolean consent, String country) {
    String email = role.toLowerCase() + "-" + suffix + "@example.org";
    Http.Response created = http.post("/api/support-requests").json(Map.of("name", "Person " + role, "phone", "+1 555 0100", "email", email,
        "jobNumber", job.jobNumber(), "marketingConsent", consent, "country", country)).send();
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.json().get("gpcHonored").asBoolean()).isFalse();
    people.put(role, email);
    return created.json().get("id").asText();
  }

  private void flag(String role, String flag) {
    flags.setFlag(keys.of(people.get(role)), flag, null);
  }

  /** What an erasure leaves of a person: no support request, no intake choice (the providers' erase, as the privacy flow runs it). */
  private void erase(String supportRequestId) {
    runtime.createProcessInstanceQuery().processInstanceBusinessKey(supportRequestId).list()
        .forEach(p -> runtime.deleteProcessInstance(p.getId(), "erased"));
    jdbc.sql("delete from access_token where target_id = ?").param(supportRequestId).update();
    jdbc.sql("delete from contact_choice where support_request_id = ?").param(supportRequestId).update();
    jdbc.sql("delete from support_request where id = ?").param(supportRequestId).update();
  }

  /** Runs the communication process's jobs only (the support cases' own jobs are not this test's business). */
  private void runCommunicationJobs() {
    runDueJobs(management, () -> management.createJobQuery().processDefinitionKey(CommunicationProcess.KEY).executable().list(), 1000);
  }

  private String send(String purpose, String subject, String... extra) {
    Map<String, Object> body = new LinkedHashMap<>(Map.of("purpose", purpose, "subject", subject, "body", "First paragraph.\n\nSecond one.",
        "jobNumbers", List.of(job.jobNumber())));
    for (int i = 0; i + 1 < extra.length; i += 2) {
      body.put(extra[i], extra[i + 1]);
    }
    Http.Response created = http.post("/api/communications").as(operator).json(body).send();
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String id = created.json().get("id").asText();
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("communication").processInstanceBusinessKey(id).count()).isEqualTo(1);
    runCommunicationJobs();
    return id;
  }

  private JsonNode status(String id) {
    Http.Response r = http.get("/api/communications/" + id).as(operator).send();
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.json();
  }

  /** Recipient address -> mails with this subject. */
  private Map<String, List<MimeMessage>> mailsWithSubject(String subject) throws Exception {
    Map<String, List<MimeMessage>> byRecipient = new LinkedHashMap<>();
    for (MimeMessage m : MAIL.getReceivedMessages()) {
      if (subject.equals(m.getSubject())) {
        for (var to : m.getAllRecipients()) {
          byRecipient.computeIfAbsent(to.toString(), k -> new ArrayList<>()).add(m);
        }
        assertThat(m.getAllRecipients()).as("one recipient per mail").hasSize(1);
      }
    }
    return byRecipient;
  }

  private void assertReachedExactlyOnce(String subject, String... roles) throws Exception {
    Map<String, List<MimeMessage>> mails = mailsWithSubject(subject);
    List<String> expected = java.util.Arrays.stream(roles).map(people::get).toList();
    assertThat(mails.keySet()).containsExactlyInAnyOrderElementsOf(expected);
    mails.forEach((to, list) -> assertThat(list).as("mails to " + to).hasSize(1));
  }

  private static String text(MimeMessage m) throws Exception {
    m.getContent();
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    m.writeTo(out);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void securityNoticeReachesEveryContactButTheRestrictedWithALinkThatOpensASupportRequest() throws Exception {
    String id = send("SECURITY_NOTICE", "Security notice " + suffix);
    assertReachedExactlyOnce("Security notice " + suffix,
        "site", "plan", "consentUs", "consentCa", "consentEu", "noConsentUs", "objectingUs", "unsubscribedUs", "withdrawnCa");
    JsonNode s = status(id);
    assertThat(s.get("purpose").asText()).isEqualTo("SECURITY_NOTICE");
    assertThat(s.get("status").asText()).isEqualTo("DONE");
    assertThat(s.get("recipients").asInt()).isEqualTo(9);
    assertThat(s.get("sent").asInt()).isEqualTo(9);
    assertThat(s.get("failed").asInt()).isZero();
    assertThat(s.get("skipped").get("RESTRICTED").asInt()).isEqualTo(1);
    MimeMessage mail = mailsWithSubject("Security notice " + suffix).get(people.get("site")).get(0);
    String raw = text(mail);
    assertThat(raw).contains("multipart/alternative").contains("text/plain").contains("text/html");
    assertThat(raw).contains("http://portal.test/portal/support?jobNumber=" + job.jobNumber() + "&amp;reason=security-update");
    assertThat(mail.getHeader("List-Unsubscribe")).isNull();
    // the link's page prefills the job: the portal's form then opens the remote-support request
    assertThat(http.get("/portal/support?jobNumber=" + job.jobNumber()).send().status()).isEqualTo(200);
  }

  @Test
  void serviceUpdateReachesAllButTheObjectingAndRestricted() throws Exception {
    String id = send("SERVICE_UPDATE", "Service update " + suffix);
    assertReachedExactlyOnce("Service update " + suffix,
        "site", "plan", "consentUs", "consentCa", "consentEu", "noConsentUs", "unsubscribedUs", "withdrawnCa");
    JsonNode s = status(id);
    assertThat(s.get("skipped").get("OBJECTED").asInt()).isEqualTo(1);
    assertThat(s.get("skipped").get("RESTRICTED").asInt()).isEqualTo(1);
  }

  @Test
  void marketingReachesOnlyTheConsentedWithOneClickUnsubscribeThatTakesThemOutOfLaterSendsButNotOutOfService() throws Exception {
    String id = send("MARKETING", "Marketing " + suffix);
    assertReachedExactlyOnce("Marketing " + suffix, "consentUs", "consentCa", "consentEu");
    JsonNode s = status(id);
    assertThat(s.get("sent").asInt()).isEqualTo(3);
    assertThat(s.get("skipped").get("NO_CONSENT").asInt()).isEqualTo(3); // noConsentUs and the two job contacts
    assertThat(s.get("skipped").get("RESTRICTED").asInt()).isEqualTo(1);
    assertThat(s.get("skipped").get("OBJECTED").asInt()).isEqualTo(1);
    assertThat(s.get("skipped").get("UNSUBSCRIBED").asInt()).isEqualTo(1);
    assertThat(s.get("skipped").get("CONSENT_WITHDRAWN").asInt()).isEqualTo(1);

    MimeMessage mail = mailsWithSubject("Marketing " + suffix).get(people.get("consentUs")).get(0);
    String listUnsubscribe = mail.getHeader("List-Unsubscribe", null);
    assertThat(mail.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
    Matcher url = Pattern.compile("<http://portal\\.test(/api/unsubscribe/[A-Za-z0-9_-]{43})>").matcher(listUnsubscribe);
    assertThat(url.matches()).as(listUnsubscribe).isTrue();
    assertThat(text(mail)).contains("/portal/unsubscribe/");

    // a stranger without the token unsubscribes nobody
    RawHttp raw = RawHttp.to(port);
    byte[] form = "List-Unsubscribe=One-Click".getBytes(StandardCharsets.US_ASCII);
    RawHttp.Response forged = raw.request("POST /api/unsubscribe/" + "B".repeat(43),
        RawHttp.headers("Content-Type", "application/x-www-form-urlencoded"), form);
    assertThat(forged.status()).isEqualTo(404);
    assertThat(flags.flags(keys.of(people.get("consentUs")))).doesNotContain("UNSUBSCRIBE_MARKETING");

    // RFC 8058: the form body and nothing else (no auth, no cookie, no CSRF token, no Origin)
    RawHttp.Response oneClick = raw.request("POST " + url.group(1), RawHttp.headers("Content-Type", "application/x-www-form-urlencoded"), form);
    assertThat(oneClick.status()).as(oneClick.body()).isEqualTo(200);
    assertThat(flags.flags(keys.of(people.get("consentUs")))).contains("UNSUBSCRIBE_MARKETING");

    MAIL.purgeEmailFromAllMailboxes();
    String again = send("MARKETING", "Marketing again " + suffix);
    assertReachedExactlyOnce("Marketing again " + suffix, "consentCa", "consentEu");
    assertThat(status(again).get("skipped").get("UNSUBSCRIBED").asInt()).isEqualTo(2);
    // unsubscribing never changes the service anyone gets
    send("SERVICE_UPDATE", "Service after unsubscribe " + suffix);
    assertThat(mailsWithSubject("Service after unsubscribe " + suffix)).containsKey(people.get("consentUs"));
  }

  @Test
  void salesCallsAreOneTaskPerConsentedContactInTheUsAndCanadaOnly() throws Exception {
    String id = send("SALES_CALL", "Sales " + suffix);
    assertThat(mailsWithSubject("Sales " + suffix)).isEmpty();
    List<Task> calls = tasks.createTaskQuery().processDefinitionKey(CommunicationProcess.KEY).processInstanceBusinessKey(id)
        .taskCandidateGroup("sales").list();
    assertThat(calls).as(status(id).toString() + tasks.createTaskQuery().processInstanceBusinessKey(id).list()
        + runtime.createProcessInstanceQuery().processInstanceBusinessKey(id).list()).hasSize(2);
    List<String> called = new ArrayList<>();
    for (Task t : calls) {
      assertThat(t.getName()).startsWith("Sales call: contact #").doesNotContain("@").doesNotContain("Person");
      int position = (Integer) runtime.getVariable(t.getExecutionId(), "loopCounter");
      Http.Response contact = http.get("/api/communications/" + id + "/calls/" + position).as(operator).send();
      assertThat(contact.status()).isEqualTo(200);
      called.add(contact.json().get("email").asText());
    }
    assertThat(called).containsExactlyInAnyOrder(people.get("consentUs"), people.get("consentCa"));
    JsonNode s = status(id);
    assertThat(s.get("sent").asInt()).isEqualTo(2);
    assertThat(s.get("skipped").get("OUTSIDE_US_CA").asInt()).isEqualTo(1);
    assertThat(s.get("skipped").get("UNSUBSCRIBED").asInt()).isEqualTo(1);
    assertThat(s.get("skipped").get("CONSENT_WITHDRAWN").asInt()).isEqualTo(1);
    calls.forEach(t -> tasks.complete(t.getId()));
    runCommunicationJobs();
    assertThat(status(id).get("status").asText()).isEqualTo("DONE");
    // the technicians' stranger cannot see whom to call
    assertThat(http.get("/api/communications/" + id + "/calls/0").as(users.login(TestUsers.Role.TECHNICIAN)).send().status()).isEqualTo(403);
  }

  @Test
  void noticeChangeReachesEveryContactOncePerVersion() throws Exception {
    String first = send("NOTICE_CHANGE", "Notice " + suffix, "noticeVersion", "v-" + suffix);
    assertReachedExactlyOnce("Notice " + suffix,
        "site", "plan", "consentUs", "consentCa", "consentEu", "noConsentUs", "restrictedUs", "objectingUs", "unsubscribedUs", "withdrawnCa");
    assertThat(status(first).get("sent").asInt()).isEqualTo(10);
    MAIL.purgeEmailFromAllMailboxes();
    String second = send("NOTICE_CHANGE", "Notice " + suffix, "noticeVersion", "v-" + suffix);
    assertThat(mailsWithSubject("Notice " + suffix)).isEmpty();
    assertThat(status(second).get("skipped").get("ALREADY_NOTIFIED").asInt()).isEqualTo(10);
  }

  @Test
  void aChunkThatRunsAgainSendsNobodyTwice() throws Exception {
    String id = send("SERVICE_UPDATE", "Rerun " + suffix);
    // as if the job ran again after a crash: every recipient is claimed and on record, nobody gets a second mail
    jdbc.sql("update communication_recipient set status = 'CLAIMED' where communication_id = ?").param(id).update();
    applicationContextSender().sendChunk(id, 0);
    assertReachedExactlyOnce("Rerun " + suffix, "site", "plan", "consentUs", "consentCa", "consentEu", "noConsentUs", "unsubscribedUs",
        "withdrawnCa");
  }

  @Autowired org.springframework.mail.javamail.JavaMailSender mailSender;
  @Autowired org.remoteservices.shared.mail.MailOutbox outbox;

  /**
   * The SMTP server goes away before a send (here a host that takes the connection and hangs up before its greeting):
   * the chunk tries one connection, not one per recipient; it commits with every mail on record and every recipient
   * SENT (handed to the outbox, none FAILED); once the server is back the sweeper delivers each mail once.
   */
  @Test
  void anSmtpOutageDuringASendTriesOneConnection_theSweeperDeliversEachMailOnceWhenTheServerIsBack() throws Exception {
    org.springframework.mail.javamail.JavaMailSenderImpl smtp = (org.springframework.mail.javamail.JavaMailSenderImpl) mailSender;
    int serverPort = smtp.getPort();
    java.util.concurrent.atomic.AtomicInteger connections = new java.util.concurrent.atomic.AtomicInteger();
    String id;
    try (java.net.ServerSocket hangsUp = new java.net.ServerSocket(0)) {
      Thread acceptor = new Thread(() -> {
        while (true) {
          try (java.net.Socket ignored = hangsUp.accept()) {
            connections.incrementAndGet();
          } catch (java.io.IOException closed) {
            return;
          }
        }
      });
      acceptor.setDaemon(true);
      acceptor.start();
      TestMailServer.stop(); // the connections the outbox keeps open go with it
      smtp.setPort(hangsUp.getLocalPort());
      try {
        id = send("SERVICE_UPDATE", "Outage " + suffix);
      } finally {
        smtp.setPort(serverPort);
        TestMailServer.restart();
      }
    }
    assertThat(connections.get()).as("connections the chunk tried").isEqualTo(1);
    JsonNode progress = status(id);
    assertThat(progress.get("sent").asInt()).as(progress.toString()).isEqualTo(8);
    assertThat(progress.get("failed").asInt()).isZero();
    assertThat(jdbc.sql("select count(*) from mail_record where idempotency_key like ? and status = 'PENDING'")
        .param("communication:" + id + ":%").query(Integer.class).single()).as("on record, undelivered").isEqualTo(8);
    assertThat(mailsWithSubject("Outage " + suffix)).isEmpty();

    org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(java.time.Instant.now().plus(java.time.Duration.ofMinutes(5))));
    assertThat(outbox.deliverDue()).isEqualTo(8);
    assertThat(outbox.deliverDue()).isZero();
    assertReachedExactlyOnce("Outage " + suffix, "site", "plan", "consentUs", "consentCa", "consentEu", "noConsentUs", "unsubscribedUs",
        "withdrawnCa");
  }

  @Autowired org.remoteservices.communications.application.CommunicationSender sender;

  private org.remoteservices.communications.application.CommunicationSender applicationContextSender() {
    return sender;
  }

  @Autowired org.camunda.bpm.engine.FormService forms;
  @Autowired org.camunda.bpm.engine.RepositoryService repository;
  @Autowired org.camunda.bpm.engine.IdentityService identity;

  @Test
  void anOperatorStartsASendFromTasklistsStartForm() throws Exception {
    String definition = repository.createProcessDefinitionQuery().processDefinitionKey(CommunicationProcess.KEY).latestVersion().singleResult().getId();
    identity.setAuthentication(operator.user(), List.of("operators"));
    org.camunda.bpm.engine.runtime.ProcessInstance started;
    try {
      started = forms.submitStartForm(definition, Map.of("input_purpose", "SERVICE_UPDATE", "input_subject", "From Tasklist " + suffix,
          "input_body", "Hello from the start form.", "input_jobNumbers", job.jobNumber()));
    } finally {
      identity.clearAuthentication();
    }
    String id = started.getBusinessKey();
    assertThat(id).isNotBlank();
    assertThat(runtime.getVariables(started.getId())).containsOnlyKeys("communicationId", "purpose").containsEntry("communicationId", id);
    runCommunicationJobs();
    assertThat(status(id).get("status").asText()).isEqualTo("DONE");
    assertReachedExactlyOnce("From Tasklist " + suffix, "site", "plan", "consentUs", "consentCa", "consentEu", "noConsentUs", "unsubscribedUs",
        "withdrawnCa");
    // a bad field is refused in the form, nothing is stored or started
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> forms.submitStartForm(definition, Map.of("input_purpose", "SERVICE_UPDATE",
        "input_subject", "x", "input_body", "y", "input_jobNumbers", "J-NOT-THERE"))).hasMessageContaining("jobNumbers");
  }

  @Test
  void badInputIsRefusedNamingTheField() {
    assertThat(http.post("/api/communications").as(operator).json(Map.of("purpose", "SPAM", "subject", "x", "body", "y")).send().body())
        .contains("purpose");
    Http.Response noSubject = http.post("/api/communications").as(operator).json(Map.of("purpose", "MARKETING", "body", "y")).send();
    assertThat(noSubject.status()).isEqualTo(400);
    assertThat(noSubject.body()).contains("subject");
    Http.Response unknownJob = http.post("/api/communications").as(operator)
        .json(Map.of("purpose", "MARKETING", "subject", "x", "body", "y", "jobNumbers", List.of("J-NOT-THERE"))).send();
    assertThat(unknownJob.status()).isEqualTo(400);
    assertThat(unknownJob.body()).contains("jobNumbers");
    assertThat(http.post("/api/communications").as(users.login(TestUsers.Role.TECHNICIAN))
        .json(Map.of("purpose", "MARKETING", "subject", "x", "body", "y")).send().status()).isEqualTo(403);
  }

  @Test
  void intakeRecordsConsentWithTimeSourceAndWordingVersionAndRefusesABadCountry() {
    Map<String, Object> row = jdbc.sql("select * from contact_choice where email = ?").param(people.get("consentCa")).query().singleRow();
    assertThat(row.get("MARKETING_CONSENT")).isEqualTo(true);
    assertThat(row.get("COUNTRY")).isEqualTo("CA");
    assertThat(row.get("WORDING_VERSION")).isEqualTo("marketing-consent-2026-01");
    assertThat(row.get("SOURCE")).isEqualTo("SUPPORT_REQUEST_API");
    assertThat(row.get("RECORDED_AT")).isNotNull();
    for (String bad : List.of("ZZ", "USA", "1A")) {
      Http.Response r = http.post("/api/support-requests").json(Map.of("name", "Bad Country", "phone", "+1 555 0100",
          "email", "bad-" + suffix + "@example.org", "jobNumber", job.jobNumber(), "country", bad)).send();
      assertThat(r.status()).as(r.toString()).isEqualTo(400);
      assertThat(r.body()).contains("country");
    }
    // consent defaults to no
    Http.Response plain = http.post("/api/support-requests").json(Map.of("name", "Plain Person", "phone", "+1 555 0100",
        "email", "plain-" + suffix + "@example.org", "jobNumber", job.jobNumber())).send();
    assertThat(plain.status()).isEqualTo(201);
    assertThat(jdbc.sql("select marketing_consent from contact_choice where email = ?").param("plain-" + suffix + "@example.org")
        .query(Boolean.class).single()).isFalse();
  }

  @Test
  void gpcIsHonoredAtTheSupportRequestApiThePortalAndThePrivacyRequestApi() {
    String api = "gpc-api-" + suffix + "@example.org";
    Http.Response viaApi = http.post("/api/support-requests").header("Sec-GPC", "1").json(Map.of("name", "Gpc Person", "phone", "+1 555 0100",
        "email", api, "jobNumber", job.jobNumber(), "marketingConsent", true)).send();
    assertThat(viaApi.status()).isEqualTo(201);
    assertThat(viaApi.json().get("gpcHonored").asBoolean()).isTrue();
    assertThat(flags.flags(keys.of(api))).contains("OPT_OUT_OF_SALE");

    String portal = "gpc-portal-" + suffix + "@example.org";
    Http.Response viaPortal = http.post("/api/support-requests").header("Sec-GPC", "1").header("X-Requested-With", "XMLHttpRequest")
        .header("X-RSO-Source", "portal").json(Map.of("name", "Portal Person", "phone", "+1 555 0100", "email", portal,
            "jobNumber", job.jobNumber())).send();
    assertThat(viaPortal.json().get("gpcHonored").asBoolean()).isTrue();
    assertThat(flags.flags(keys.of(portal))).contains("OPT_OUT_OF_SALE");
    assertThat(jdbc.sql("select source from contact_choice where email = ?").param(portal).query(String.class).single()).isEqualTo("PORTAL");
    assertThat(http.get("/portal/support.html").send().body()).contains("Opt-out preference signal honored");

    String privacy = "gpc-privacy-" + suffix + "@example.org";
    Http.Response viaPrivacy = http.post("/api/privacy-requests").header("Sec-GPC", "1").json(Map.of("rights", List.of("ACCESS"),
        "name", "Privacy Person", "email", privacy, "jurisdiction", "US_CA")).send();
    assertThat(viaPrivacy.status()).as(viaPrivacy.toString()).isEqualTo(201);
    assertThat(viaPrivacy.json().get("gpcHonored").asBoolean()).isTrue();
    assertThat(flags.flags(keys.of(privacy))).contains("OPT_OUT_OF_SALE");

    String without = "no-gpc-" + suffix + "@example.org";
    Http.Response plain = http.post("/api/privacy-requests").json(Map.of("rights", List.of("ACCESS"), "name", "Plain Person", "email", without,
        "jurisdiction", "US_CA")).send();
    assertThat(plain.json().get("gpcHonored").asBoolean()).isFalse();
    assertThat(flags.flags(keys.of(without))).doesNotContain("OPT_OUT_OF_SALE");
  }

  private String noteOf(String email) {
    return jdbc.sql("select gpc_note from contact_choice where email = ? order by recorded_at desc").param(email).query(String.class).list()
        .stream().filter(java.util.Objects::nonNull).findFirst().orElse(null);
  }

  @Test
  void aConflictingMarketingConsentIsNotedAtEachEntryPoint_theSignalStillWins() {
    // the support-request API: the very request ticks the marketing box and carries Sec-GPC: 1
    String api = "gpc-conflict-api-" + suffix + "@example.org";
    Http.Response viaApi = http.post("/api/support-requests").header("Sec-GPC", "1").json(Map.of("name", "Gpc Conflict", "phone", "+1 555 0100",
        "email", api, "jobNumber", job.jobNumber(), "marketingConsent", true)).send();
    assertThat(viaApi.status()).isEqualTo(201);
    assertThat(viaApi.json().get("gpcHonored").asBoolean()).isTrue();
    assertThat(viaApi.json().get("gpcNote").asText()).contains("conflicts with the consent to marketing").contains("The signal wins");
    assertThat(flags.flags(keys.of(api))).contains("OPT_OUT_OF_SALE");
    assertThat(noteOf(api)).isEqualTo(viaApi.json().get("gpcNote").asText()); // noted where the choice is kept
    // no consent in the request: nothing conflicts, no note at all
    String plain = "gpc-plain-" + suffix + "@example.org";
    Http.Response noConflict = http.post("/api/support-requests").header("Sec-GPC", "1").json(Map.of("name", "Gpc Plain", "phone", "+1 555 0100",
        "email", plain, "jobNumber", job.jobNumber())).send();
    assertThat(noConflict.json().get("gpcHonored").asBoolean()).isTrue();
    assertThat(noConflict.json().has("gpcNote")).isFalse();
    assertThat(noteOf(plain)).isNull();
    // consent without the signal: no note either
    Http.Response noSignal = http.post("/api/support-requests").json(Map.of("name", "Gpc None", "phone", "+1 555 0100",
        "email", "gpc-none-" + suffix + "@example.org", "jobNumber", job.jobNumber(), "marketingConsent", true)).send();
    assertThat(noSignal.json().has("gpcNote")).isFalse();

    // the portal: its form posts through the same API, and the page has the place that shows the note
    String portal = "gpc-conflict-portal-" + suffix + "@example.org";
    Http.Response viaPortal = http.post("/api/support-requests").header("Sec-GPC", "1").header("X-Requested-With", "XMLHttpRequest")
        .header("X-RSO-Source", "portal").json(Map.of("name", "Portal Conflict", "phone", "+1 555 0100", "email", portal,
            "jobNumber", job.jobNumber(), "marketingConsent", true)).send();
    assertThat(viaPortal.json().get("gpcNote").asText()).contains("The signal wins");
    assertThat(noteOf(portal)).isNotNull();
    assertThat(http.get("/portal/support.html").send().body()).contains("id=\"gpc-note\"");
    assertThat(http.get("/portal/portal.js").send().body()).contains("result.gpcNote");

    // the privacy-request API: an earlier, standing consent (given at intake) conflicts; it is noted where it is kept, the
    // opt-out recorded, but the answer does not tell it: it reads the same for everyone (whoever sends it may not be the person)
    String consented = people.get("consentUs");
    Http.Response viaPrivacy = http.post("/api/privacy-requests").header("Sec-GPC", "1").json(Map.of("rights", List.of("ACCESS"),
        "name", "Person consentUs", "email", consented, "jurisdiction", "US_CA")).send();
    assertThat(viaPrivacy.status()).as(viaPrivacy.toString()).isEqualTo(201);
    assertThat(viaPrivacy.json().get("gpcHonored").asBoolean()).isTrue();
    assertThat(viaPrivacy.json().has("gpcNote")).isFalse();
    assertThat(flags.flags(keys.of(consented))).contains("OPT_OUT_OF_SALE");
    assertThat(noteOf(consented)).contains("conflicts with the consent to marketing").contains("given on ").contains("The signal wins");
    assertThat(viaApi.json().get("gpcNote").asText()).contains("you gave in this request");
    // an unsubscribed person's earlier consent no longer stands, a person who never consented has nothing to conflict
    for (String role : List.of("unsubscribedUs", "noConsentUs")) {
      Http.Response r = http.post("/api/privacy-requests").header("Sec-GPC", "1").json(Map.of("rights", List.of("ACCESS"),
          "name", "Person " + role, "email", people.get(role), "jurisdiction", "US_CA")).send();
      assertThat(r.json().get("gpcHonored").asBoolean()).as(role).isTrue();
      assertThat(r.json().has("gpcNote")).as(role).isFalse();
      assertThat(flags.flags(keys.of(people.get(role)))).as(role).contains("OPT_OUT_OF_SALE");
    }
    Http.Response withoutSignal = http.post("/api/privacy-requests").json(Map.of("rights", List.of("ACCESS"), "name", "Person consentCa",
        "email", people.get("consentCa"), "jurisdiction", "US_CA")).send();
    assertThat(withoutSignal.json().has("gpcNote")).isFalse();
    assertThat(noteOf(people.get("consentCa"))).isNull();
  }

  @org.springframework.beans.factory.annotation.Value("${rso.communications.selection-page-size}") int selectionPageSize;

  @Test
  void aPopulationLargerThanOnePageIsSelectedCompletely_eachPersonOnce_theNewestRequestDecides_skipsCountedOnce() throws Exception {
    // people who come up again on later pages: a second request of a reached person (newer name), a second request of an
    // objecting (skipped) one, and the site contact filing a request themselves
    Http.Response again = http.post("/api/support-requests").json(Map.of("name", "Newer Name", "phone", "+1 555 0100",
        "email", people.get("consentUs"), "jobNumber", job.jobNumber())).send();
    assertThat(again.status()).isEqualTo(201);
    assertThat(http.post("/api/support-requests").json(Map.of("name", "Objecting Again", "phone", "+1 555 0100",
        "email", people.get("objectingUs"), "jobNumber", job.jobNumber())).send().status()).isEqualTo(201);
    assertThat(http.post("/api/support-requests").json(Map.of("name", "Site As Requester", "phone", "+1 555 0100",
        "email", people.get("site"), "jobNumber", job.jobNumber())).send().status()).isEqualTo(201);
    int candidates = jdbc.sql("select count(*) from support_request where job_number = ?").param(job.jobNumber()).query(Integer.class).single() + 2;
    assertThat(candidates).as("requests and job contacts").isGreaterThan(2 * selectionPageSize);

    String id = send("SERVICE_UPDATE", "Paged " + suffix);
    assertReachedExactlyOnce("Paged " + suffix,
        "site", "plan", "consentUs", "consentCa", "consentEu", "noConsentUs", "unsubscribedUs", "withdrawnCa");
    JsonNode s = status(id);
    assertThat(s.get("recipients").asInt()).isEqualTo(8);
    assertThat(s.get("skipped").get("OBJECTED").asInt()).as("two requests, one person").isEqualTo(1);
    assertThat(s.get("skipped").get("RESTRICTED").asInt()).isEqualTo(1);
    assertThat(s.get("skipped")).hasSize(2);
    List<Integer> positions = jdbc.sql("select position from communication_recipient where communication_id = ? order by position")
        .param(id).query(Integer.class).list();
    assertThat(positions).containsExactly(0, 1, 2, 3, 4, 5, 6, 7); // no gaps, no markers left
    assertThat(jdbc.sql("select count(*) from communication_recipient where communication_id = ? and email = ?").params(id, people.get("objectingUs"))
        .query(Integer.class).single()).as("a skipped person leaves no row").isZero();
    assertThat(jdbc.sql("select name from communication_recipient where communication_id = ? and email = ?").params(id, people.get("consentUs"))
        .query(String.class).single()).as("the newest request decides").isEqualTo("Newer Name");
    assertThat(jdbc.sql("select support_request_id from communication_recipient where communication_id = ? and email = ?")
        .params(id, people.get("site")).query(String.class).single()).as("a requester before a job contact").isNotNull();
  }
}
