package org.remoteservices.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.remoteservices.testsupport.AppProcess;
import org.remoteservices.testsupport.HttpLifecycles;
import org.remoteservices.testsupport.SmtpGate;
import org.remoteservices.testsupport.TestMailServer;

/**
 * kill -9 in the middle of a communication's send: the application runs as its own process on an H2 file database
 * with the job executor on; a service update to every job contact is sent in chunks; while mails are caught
 * mid-send (the SMTP gate holds them) the application is killed, then started again on the same database. The send
 * finishes, and every recipient has exactly one copy.
 */
@Tag("slow")
class CommunicationCrashTest {
  private static final int JOBS = 150; // two contacts each
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String OPERATOR = "Basic " + Base64.getEncoder().encodeToString("olivia:Demo-2026".getBytes(StandardCharsets.UTF_8));

  @TempDir Path dir;

  @Test
  void killedMidSend_theSendResumesAndNobodyGetsItTwice() throws Exception {
    GreenMail mail = TestMailServer.instance();
    mail.purgeEmailFromAllMailboxes();
    String dbUrl = "jdbc:h2:file:" + dir.resolve("db").resolve("rso").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE;AUTO_SERVER=FALSE;WRITE_DELAY=0";
    String subject = "Firmware 4.2 service information";
    String id;
    try (SmtpGate gate = new SmtpGate(TestMailServer.port())) {
      AppProcess app = new AppProcess("comms-crash", AppProcess.freePort(), List.of(
          "--spring.profiles.active=demo",
          "--spring.datasource.url=" + dbUrl,
          "--rso.file-store.root=" + dir.resolve("files").toAbsolutePath(),
          "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + gate.port(),
          "--rso.public-base-url=http://portal.test",
          "--rso.rate-limit.enabled=false",
          "--rso.communications.chunk-size=25",
          "--camunda.bpm.job-execution.enabled=true",
          "--camunda.bpm.job-execution.lock-time-in-millis=15000"));
      try {
        app.start(Duration.ofMinutes(2));
        for (int n = 0; n < JOBS; n++) {
          String number = "JX-" + n;
          post(app, "/api/jobs", """
              {"jobNumber":"%s","jobName":"Crash Site %d","locationAddress":"%d Crash Road",
               "siteContact":{"name":"Site %d","email":"site-%d@crash.example.com","phone":"+1 555 0101"},
               "schedulingContact":{"name":"Plan %d","email":"plan-%d@crash.example.com"},
               "systemObsolescenceDate":"2031-01-01"}""".formatted(number, n, n, n, n, n, n), 201);
        }
        gate.hold();
        id = post(app, "/api/communications", """
            {"purpose":"SERVICE_UPDATE","subject":"%s","body":"Version 4.2 fixes the scene timer.\\n\\nNothing to do on your side."}"""
            .formatted(subject), 201).get("id").asText();
        HttpLifecycles.await("a mail caught mid-send", Duration.ofSeconds(90), () -> gate.waiting() > 0);
        gate.open();
        HttpLifecycles.await("a third of the send", Duration.ofMinutes(2), () -> withSubject(mail, subject).size() > JOBS * 2 / 3);
        gate.hold();
        HttpLifecycles.await("a mail caught mid-send again", Duration.ofSeconds(60), () -> gate.waiting() > 0);
        AppProcess.sleep(300);
        int delivered = withSubject(mail, subject).size();
        app.kill();
        gate.open();
        app.start(Duration.ofMinutes(2));
        HttpLifecycles.await("the send to finish", Duration.ofMinutes(4), () -> "DONE".equals(get(app, "/api/communications/" + id).get("status").asText()));
        JsonNode status = get(app, "/api/communications/" + id);
        // DONE: every recipient's mail is in the outbox. The mails the kill caught on their way to the server are still held
        // by the dead node's delivery lease (rso.mail.delivery.lease, one minute); the sweeper sends them after it.
        int expected = status.get("recipients").asInt();
        HttpLifecycles.await("every recipient's mail delivered (the sweeper's part after the lease)", Duration.ofMinutes(3),
            () -> withSubject(mail, subject).size() >= expected);
        System.out.printf("communication crash test: %d mails delivered before the kill, %s after%n", delivered, status);
        assertThat(status.get("failed").asInt()).isZero();
        assertThat(status.get("sent").asInt()).isEqualTo(status.get("recipients").asInt());
        assertThat(delivered).isLessThan(status.get("recipients").asInt()); // the kill really was mid-send
      } finally {
        app.stop();
      }
    }
    // every recipient on record got exactly one copy, and nobody else got one
    List<String> recipients = new ArrayList<>();
    try (Connection db = DriverManager.getConnection(dbUrl, "sa", ""); Statement s = db.createStatement();
        ResultSet rs = s.executeQuery("select email from communication_recipient where communication_id = '" + id + "'")) {
      while (rs.next()) {
        recipients.add(rs.getString(1));
      }
    }
    assertThat(recipients).hasSizeGreaterThanOrEqualTo(JOBS * 2);
    Map<String, Integer> copies = new HashMap<>();
    for (MimeMessage m : withSubject(mail, subject)) {
      for (var to : m.getAllRecipients()) {
        copies.merge(to.toString(), 1, Integer::sum);
      }
    }
    assertThat(copies.keySet()).containsExactlyInAnyOrderElementsOf(recipients);
    assertThat(copies).allSatisfy((to, n) -> assertThat(n).as("copies to " + to).isEqualTo(1));
  }

  private static List<MimeMessage> withSubject(GreenMail mail, String subject) {
    List<MimeMessage> out = new ArrayList<>();
    for (MimeMessage m : mail.getReceivedMessages()) {
      try {
        if (subject.equals(m.getSubject())) {
          out.add(m);
        }
      } catch (jakarta.mail.MessagingException e) {
        throw new IllegalStateException(e);
      }
    }
    return out;
  }

  private static JsonNode post(AppProcess app, String path, String json, int expected) throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path)).header("Authorization", OPERATOR)
        .header("Content-Type", "application/json").header("X-Requested-With", "XMLHttpRequest")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(expected);
    return JSON.readTree(r.body());
  }

  private static JsonNode get(AppProcess app, String path) {
    try {
      HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path)).header("Authorization", OPERATOR).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      return JSON.readTree(r.body());
    } catch (Exception e) {
      return JSON.createObjectNode().put("status", "DOWN");
    }
  }
}
