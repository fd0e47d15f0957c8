package org.remoteservices.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.remoteservices.jobs.api.Job;
import org.remoteservices.testsupport.Http;
import org.remoteservices.testsupport.IntegrationTest;
import org.remoteservices.testsupport.Lifecycle;
import org.remoteservices.testsupport.Mails;
import org.remoteservices.testsupport.TestUsers;
import org.remoteservices.testsupport.TestUsers.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The application log never holds a customer's name, email or phone: a whole lifecycle driven over HTTP
 * (customer through the portal API, technician through the engine REST API) plus failing requests that carry
 * the subject's data, with the log captured, the project's and Spring MVC's loggers at DEBUG (what an operator
 * switches on to troubleshoot), and then searched for the subject's distinctive values.
 */
@ExtendWith(OutputCaptureExtension.class)
class LogPrivacyTest extends IntegrationTest {
  static final String NAME = "Zephyrine Quillfeather";
  static final String EMAIL = "zq.7731@quill-example.org";
  static final String PHONE = "+44 7700 900731";
  static final List<String> TELLTALES = List.of("Zephyrine", "Quillfeather", "zq.7731", "quill-example", "7700 900731", "7700900731");
  static final List<String> DEBUG_LOGGERS = List.of("org.remoteservices", "org.springframework.web", "org.springframework.jdbc.core");

  @LocalServerPort int port;
  @Autowired Lifecycle lifecycle;
  @Autowired TestUsers users;
  @Autowired TaskService tasks;
  @Autowired LoggingSystem logging;

  @BeforeEach
  void debug() {
    DEBUG_LOGGERS.forEach(l -> logging.setLogLevel(l, LogLevel.DEBUG));
  }

  @AfterEach
  void quiet() {
    DEBUG_LOGGERS.forEach(l -> logging.setLogLevel(l, null));
  }

  @Test
  void aWholeLifecycleAndFailingRequestsLogNoPersonalData(CapturedOutput output) {
    Http http = new Http(port);
    Job job = lifecycle.newJob();
    TestUsers.Login tech = users.login(Role.TECHNICIAN);

    // failing requests that carry the subject's data
    http.post("/api/support-requests").json(Map.of("name", NAME, "phone", PHONE, "email", EMAIL, "jobNumber", "J-UNKNOWN")).send();
    http.post("/api/support-requests").json(Map.of("name", NAME, "phone", PHONE + " ext", "email", EMAIL.replace("@", "@@"), "jobNumber", job.jobNumber())).send();
    http.post("/api/support-requests").json(Map.of("name", NAME, "phone", PHONE, "email", EMAIL, "jobNumber", job.jobNumber(), NAME, EMAIL)).send();
    http.post("/api/support-requests").body("application/json", ("{\"name\":\"" + NAME + "\",\"email\":").getBytes(StandardCharsets.UTF_8)).send();
    http.post("/api/support-requests").json("{\"name\":\"" + NAME + "\",\"phone\":" + PHONE.replaceAll("\\D", "") + "}").send();

    // the lifecycle, with the customer's steps over HTTP
    String id = http.post("/api/support-requests").json(Map.of("name", NAME, "phone", PHONE, "email", EMAIL, "jobNumber", job.jobNumber()))
        .send().json().get("id").asText();
    runDueJobs();
    String rssv = lastLink("Security Verification", "/portal/rssv/");
    assertThat(http.get("/api/rssv/" + rssv).send().status()).isEqualTo(200);
    http.post("/api/rssv/" + rssv + "/signature").json(Map.of("fullName", NAME + "\u202E", "consent", true)).send(); // refused
    assertThat(http.post("/api/rssv/" + rssv + "/signature").json(Map.of("fullName", NAME, "consent", true)).send().status()).isEqualTo(201);
    http.post("/api/rssv/" + rssv + "/signature").json(Map.of("fullName", NAME, "consent", true)).send(); // replayed: 410
    submit(http, tech, id, "{\"rssvAccepted\":{\"value\":false},\"input_rejectionReason\":{\"value\":\"" + NAME + " signed in the wrong box\"}}");
    runDueJobs();
    String again = lastLink("needs another look", "/portal/rssv/");
    assertThat(http.post("/api/rssv/" + again + "/signature").json(Map.of("fullName", NAME, "consent", true)).send().status()).isEqualTo(201);
    submit(http, tech, id, "{\"rssvAccepted\":{\"value\":true},\"contact\":{\"value\":\"" + EMAIL + "\"}}"); // refused: not a field
    submit(http, tech, id, "{\"rssvAccepted\":{\"value\":true}}");
    submit(http, tech, id, "{\"input_sessionStart\":{\"value\":\"2026-12-01T14:30Z\"},\"input_sessionMinutes\":{\"value\":\"" + PHONE + "\"}}");
    submit(http, tech, id, "{\"input_sessionStart\":{\"value\":\"2026-12-01T14:30Z\"},\"input_sessionMinutes\":{\"value\":60,\"type\":\"Integer\"}}");
    runDueJobs();
    lifecycle.resolveAndDocument(id);
    String survey = lastLink("How did we do", "/portal/survey/");
    http.post("/api/surveys/" + survey).json(Map.of("rating", 9, "comment", "Thanks, " + NAME)).send(); // refused
    assertThat(http.post("/api/surveys/" + survey).json(Map.of("rating", 5, "comment", "Thanks from " + NAME + ", " + PHONE)).send().status())
        .isEqualTo(201);
    runDueJobs();
    // staff reading the case
    http.get("/api/support-requests/" + id).as(users.login(Role.OPERATOR)).send();
    http.get("/api/jobs/" + job.jobNumber()).as(users.login(Role.OPERATOR)).send();

    String log = output.getAll();
    assertThat(log).as("the capture works").contains("support request " + id);
    for (String telltale : TELLTALES) {
      assertThat(log).as("the log must not contain " + telltale).doesNotContain(telltale);
    }
  }

  private void submit(Http http, TestUsers.Login tech, String id, String variables) {
    String taskId = tasks.createTaskQuery().processInstanceBusinessKey(id).singleResult().getId();
    http.post("/engine-rest/task/" + taskId + "/submit-form").as(tech).json("{\"variables\":" + variables + "}").send();
  }

  private String lastLink(String subjectPart, String prefix) {
    return Mails.read(MAIL.getReceivedMessages()).stream().filter(m -> m.subject().contains(subjectPart))
        .reduce((a, b) -> b).orElseThrow().linkToken(prefix);
  }
}
