package org.remoteservices.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.remoteservices.privacy.PrivacyTestSupport;
import org.remoteservices.privacy.domain.Jurisdiction;
import org.remoteservices.privacy.domain.PrivacyRight;
import org.remoteservices.support.adapter.camunda.RemoteSupportProcess;
import org.remoteservices.support.domain.SupportRequest;
import org.remoteservices.testsupport.Http;
import org.remoteservices.testsupport.TestUsers;
import org.remoteservices.testsupport.TestUsers.Role;
import org.remoteservices.testsupport.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The staff pages as people use them: logged into Tasklist, a technician opens the case page from the task (no second
 * password), uploads the recording there, and the task's form then takes no reference; Tasklist's own API answers a
 * refused form with the person's sentence (400), not the engine's wrapper; an operator searches the case by its number
 * and opens the reports and their CSV; a privacy officer sees who asks and what matched. Strangers get nothing.
 */
class StaffPagesTest extends PrivacyTestSupport {
  private static final Pattern TOKEN = Pattern.compile("name=\"formToken\" value=\"([0-9a-f]+)\"");

  @LocalServerPort int port;
  @Autowired TestUsers users;
  Http http;

  @BeforeEach
  void http() {
    http = new Http(port);
  }

  private String caseNumber(String supportRequestId) {
    long seq = jdbc.sql("select case_seq from support_request where id = ?").param(supportRequestId).query(Long.class).single();
    return SupportRequest.caseNumberOf(seq);
  }

  private String toRunSession() {
    Subject s = subject("Ada Casepage");
    lifecycle.signRssvOnline(s.supportRequestId(), s.name());
    lifecycle.acceptAndSchedule(s.supportRequestId());
    assertThat(lifecycle.task(s.supportRequestId()).getTaskDefinitionKey()).isEqualTo(RemoteSupportProcess.Elements.RUN_SESSION);
    return s.supportRequestId();
  }

  @Test
  void technicianUploadsTheRecordingOnTheCasePageWithTheTasklistLogin() {
    String id = toRunSession();
    String number = caseNumber(id);
    Task task = lifecycle.task(id);
    assertThat(runtime.getVariable(task.getProcessInstanceId(), "recordingUploaded")).isEqualTo(false);
    assertThat(runtime.getVariable(task.getProcessInstanceId(), "caseNumber")).isEqualTo(number);

    WebappSession tasklist = WebappSession.login(http, users.login(Role.TECHNICIAN));
    Http.Response page = tasklist.get("/staff/cases/" + number);
    assertThat(page.status()).as(page.toString()).isEqualTo(200);
    assertThat(page.body()).contains("Case " + number, "Ada Casepage", "Run remote session", "No recording attached yet", "Upload recording");
    // reading the Tasklist session leaves it as it is (no new session id that would log Tasklist out)
    assertThat(page.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID="));
    Matcher token = TOKEN.matcher(page.body());
    assertThat(token.find()).isTrue();

    // without the page's form token (a cross-site post riding on the session cookie): refused, nothing stored
    Http.Response forged = tasklist.send(upload(number, null, "video".getBytes(StandardCharsets.UTF_8)));
    assertThat(forged.status()).isEqualTo(403);
    assertThat(jdbc.sql("select count(*) from recording where support_request_id = ?").param(id).query(Integer.class).single()).isZero();

    Http.Response uploaded = tasklist.send(upload(number, token.group(1), "the session video".getBytes(StandardCharsets.UTF_8)));
    assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(302);
    assertThat(uploaded.header("Location")).contains("/staff/cases/" + number, "notice=recording-attached");
    assertThat(jdbc.sql("select kind from recording where support_request_id = ?").param(id).query(String.class).list()).containsExactly("FILE");
    assertThat(runtime.getVariable(task.getProcessInstanceId(), "recordingUploaded")).isEqualTo(true);
    assertThat(tasklist.get("/staff/cases/" + number + "?notice=recording-attached").body()).contains("The recording file is attached", "File (17 bytes)");

    // Tasklist's own API (the webapps' engine REST): a refusal is a 400 with the person's sentence, no engine codes
    String submit = "/camunda/api/engine/engine/default/task/" + task.getId() + "/submit-form";
    Http.Response refused = tasklist.send(http.post(submit).json(Map.of("variables", Map.of(
        "input_startedAt", Map.of("value", "2026-12-01T14:30:00.000Z"), "input_endedAt", Map.of("value", "2026-12-01T15:00:00.000Z"),
        "sessionResolved", Map.of("value", "true")))));
    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(refused.json().path("message").asText()).contains("\"Session notes\" is required: please fill it in.")
        .doesNotContain("ENGINE-", "input_", "TaskListener");
    // the file is attached: no reference needed
    Http.Response done = tasklist.send(http.post(submit).json(Map.of("variables", Map.of(
        "input_startedAt", Map.of("value", "2026-12-01T14:30:00.000Z"), "input_endedAt", Map.of("value", "2026-12-01T15:00:00.000Z"),
        "sessionResolved", Map.of("value", "true"), "input_sessionNotes", Map.of("value", "Replaced the failed drive")))));
    assertThat(done.status()).as(done.toString()).isEqualTo(204);
    runDueJobs();

    // the timeline tells the story, the finished task included
    String after = tasklist.get("/staff/cases/" + number).body();
    assertThat(after).contains("Signed RSSV form returned", "Session held: issue resolved", "Recording file uploaded",
        "Task &quot;Run remote session and record outcome&quot; completed");
  }

  private Http.Call upload(String number, String token, byte[] file) {
    String boundary = "----staff" + UUID.randomUUID().toString().replace("-", "");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (token != null) {
      out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"formToken\"\r\n\r\n" + token + "\r\n")
          .getBytes(StandardCharsets.UTF_8));
    }
    out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"session.mp4\"\r\n"
        + "Content-Type: video/mp4\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    out.writeBytes(file);
    out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return http.post("/staff/cases/" + number + "/recording").body("multipart/form-data; boundary=" + boundary, out.toByteArray())
        .header("Origin", "http://localhost:" + port);
  }

  @Test
  void operatorFindsAFinishedCaseByItsNumberAndOpensTheReports() {
    Subject s = subject("Bo Finished");
    throughWorkOrder(s);
    String number = caseNumber(s.supportRequestId());
    WebappSession cockpit = WebappSession.login(http, users.login(Role.OPERATOR));

    Http.Response found = cockpit.get("/staff/cases?q=" + number);
    assertThat(found.status()).isEqualTo(200);
    assertThat(found.body()).contains(">" + number + "<", s.job().jobNumber()).contains("1 case(s)");
    assertThat(cockpit.get("/staff/cases?q=" + s.job().jobNumber()).body()).contains(number);
    assertThat(cockpit.get("/staff/cases?q=RS-999999").body()).contains("0 case(s)").doesNotContain(number);
    // the list has no personal data; the case page has the requester
    assertThat(found.body()).doesNotContain(s.email(), s.name());
    assertThat(cockpit.get("/staff/cases/" + number).body()).contains(s.name(), "Work order sent", "Survey sent");

    Http.Response reports = cockpit.get("/staff/reports");
    assertThat(reports.status()).isEqualTo(200);
    assertThat(reports.body()).contains("Support requests per status", "CCPA §7102", "past due", "CSAT", "due for destruction");
    Http.Response csv = cockpit.get("/staff/reports/requests-by-status.csv");
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.header("Content-Type")).startsWith("text/csv");
    assertThat(csv.body()).startsWith("status,requests\r\n").contains("COMPLETED,").doesNotContain(s.email());
    assertThat(cockpit.get("/staff/reports/nothing.csv").status()).isEqualTo(404);
  }

  @Test
  void privacyOfficerSeesWhoAsksWhatMatchedAndTheHistory() {
    Subject s = subject("Cy Matcher");
    String id = request(List.of(PrivacyRight.ACCESS), s.name(), s.email(), "+1 555 999 0000", null, Jurisdiction.EU);
    String reference = jdbc.sql("select ref_seq from privacy_request where id = ?").param(id).query(Long.class).single().toString();
    String ref = "PR-" + "0".repeat(6 - reference.length()) + reference;
    WebappSession officer = WebappSession.login(http, users.login(Role.PRIVACY_OFFICER));

    assertThat(officer.get("/staff/privacy-requests?q=" + ref).body()).contains(ref).doesNotContain(s.email());
    Http.Response page = officer.get("/staff/privacy-requests/" + ref);
    assertThat(page.status()).as(page.toString()).isEqualTo(200);
    assertThat(page.body()).contains(s.name(), s.email(), "The requester themselves", "a copy of your personal data")
        .containsPattern("<td>EMAIL, NAME</td>\\s*<td>PHONE</td>") // the phone given does not match our record
        .contains("Privacy request received");
    assertThat(officer.get("/staff/privacy-requests/" + id).status()).isEqualTo(200); // by id too (the forms link by id)

    // a technician's Tasklist session does not open privacy pages
    assertThat(WebappSession.login(http, users.login(Role.TECHNICIAN)).get("/staff/privacy-requests/" + ref).status()).isEqualTo(403);
  }

  @Test
  void strangersAreSentToTheLoginWithoutAPasswordPrompt() {
    Http.Response anonymous = http.get("/staff/cases").send();
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.header("WWW-Authenticate")).isNull();
    assertThat(anonymous.header("Content-Type")).startsWith("text/html");
    assertThat(anonymous.body()).contains("/camunda/app/tasklist/default/");
    // a forged session cookie is nobody
    assertThat(http.get("/staff/cases").header("Cookie", "JSESSIONID=forged").send().status()).isEqualTo(401);
  }
}
