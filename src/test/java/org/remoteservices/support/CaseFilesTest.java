package org.remoteservices.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.remoteservices.support.adapter.camunda.RemoteSupportProcess.Elements.*;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.remoteservices.privacy.api.RetentionCategory;
import org.remoteservices.privacy.api.SubjectQuery;
import org.remoteservices.privacy.api.SubjectRecords;
import org.remoteservices.shared.lookup.LookupKeys;
import org.remoteservices.support.adapter.camunda.RemoteSupportProcess;
import org.remoteservices.support.application.SupportSubjectDataProvider;
import org.remoteservices.testsupport.Http;
import org.remoteservices.testsupport.IntegrationTest;
import org.remoteservices.testsupport.Lifecycle;
import org.remoteservices.testsupport.Mails;
import org.remoteservices.testsupport.Pdfs;
import org.remoteservices.testsupport.TestUsers;
import org.remoteservices.testsupport.TestUsers.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Staff downloads of case files (the signed RSSV copy): technicians only while the case is in their group's work,
 * operators and administrators always, every download recorded; and uploaded PDFs with JavaScript, embedded files
 * and the like taken but flagged to the technician (the check task, the download's header).
 */
class CaseFilesTest extends IntegrationTest {
  static final String ACTIVE_CONTENT = "X-Pdf-Active-Content";

  @LocalServerPort int port;
  @Autowired Lifecycle lifecycle;
  @Autowired TestUsers users;
  @Autowired JdbcClient jdbc;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired SupportSubjectDataProvider provider;

  record Case(String id, String email) {}

  /** A request for a fresh job, its RSSV mailed. */
  private Case requested() {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String email = "grace-" + tag + "@example.org";
    String id = lifecycle.submit(lifecycle.newJob(), "Grace Hopper", email);
    runDueJobs();
    return new Case(id, email);
  }

  /** The customer uploads this PDF through the RSSV link last mailed to them, over HTTP as the portal does. */
  private void upload(Case c, byte[] pdf) {
    String token = Mails.read(MAIL.getReceivedMessages()).stream().filter(m -> m.to().contains(c.email()) && m.body().contains("/portal/rssv/"))
        .reduce((a, b) -> b).orElseThrow().linkToken("/portal/rssv/");
    Http.Response response = http().post("/api/rssv/" + token).multipart("file", "signed.pdf", "application/pdf", pdf).send();
    assertThat(response.status()).as(response.body()).isEqualTo(201);
  }

  private Http http() {
    return new Http(port);
  }

  private Http.Response download(Case c, Role role) {
    return http().get("/api/support-requests/" + c.id() + "/rssv/returned").as(users.login(role)).send();
  }

  private List<Map<String, Object>> downloads(Case c) {
    return jdbc.sql("select file_kind, file_id, downloaded_by, downloaded_at from case_file_download where support_request_id = ? order by downloaded_at, id")
        .param(c.id()).query().listOfRows();
  }

  private String latestReturnId(Case c) {
    return jdbc.sql("select r.id from rssv_return r join rssv_form f on f.id = r.rssv_form_id where f.support_request_id = ? order by r.returned_at desc")
        .param(c.id()).query(String.class).list().get(0);
  }

  @Test
  void techniciansDownloadOnlyWhileTheCaseHasATechniciansTask_operatorsAlways_everyDownloadRecorded() {
    Case c = requested();
    assertThat(download(c, Role.TECHNICIAN).status()).as("nothing returned yet").isEqualTo(404);
    assertThat(download(c, Role.OPERATOR).status()).isEqualTo(404);
    byte[] pdf = Pdfs.plain();
    upload(c, pdf);
    assertThat(lifecycle.instance(c.id())).isWaitingAt(CHECK_RSSV);

    // the check task is open: the technician gets the file, and the download is on record
    Http.Response first = download(c, Role.TECHNICIAN);
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.bytes()).isEqualTo(pdf);
    assertThat(first.header("Content-Disposition")).startsWith("attachment");
    assertThat(first.header(ACTIVE_CONTENT)).isNull();
    assertThat(downloads(c)).singleElement().satisfies(row -> {
      assertThat(row.get("FILE_KIND")).isEqualTo("RSSV_RETURN");
      assertThat(row.get("FILE_ID")).isEqualTo(latestReturnId(c));
      assertThat(row.get("DOWNLOADED_BY")).isEqualTo("sectechnician");
      assertThat(row.get("DOWNLOADED_AT")).isNotNull();
    });
    // claimed by a colleague, it is still the group's work
    Task check = lifecycle.task(c.id());
    tasks.claim(check.getId(), "another-technician");
    assertThat(download(c, Role.TECHNICIAN).status()).isEqualTo(200);
    tasks.setAssignee(check.getId(), null);

    // through the session and the work order the case stays in the technicians' work
    lifecycle.acceptAndSchedule(c.id());
    assertThat(lifecycle.instance(c.id())).isWaitingAt(RUN_SESSION);
    assertThat(download(c, Role.TECHNICIAN).status()).isEqualTo(200);
    lifecycle.resolveAndDocument(c.id());
    assertThat(lifecycle.instance(c.id())).isWaitingAt(AWAIT_SURVEY);

    // waiting for the customer's survey, no technicians' task: refused, and nothing recorded
    int before = downloads(c).size();
    Http.Response refused = download(c, Role.TECHNICIAN);
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.json().get("message").asText()).contains("open task for technicians");
    assertThat(download(c, Role.PRIVACY_OFFICER).status()).isEqualTo(403);
    assertThat(download(c, Role.ANONYMOUS).status()).isEqualTo(401);
    assertThat(downloads(c)).hasSize(before);

    // operators and administrators as before, recorded as well
    assertThat(download(c, Role.OPERATOR).status()).isEqualTo(200);
    assertThat(download(c, Role.ADMIN).status()).isEqualTo(200);
    assertThat(downloads(c)).extracting(row -> row.get("DOWNLOADED_BY"))
        .containsExactly("sectechnician", "sectechnician", "sectechnician", "secoperator", "secadmin");
  }

  @Test
  void aPdfWithJavaScriptOrEmbeddedFilesIsTakenAndFlaggedToTheTechnician() {
    Case flagged = requested();
    upload(flagged, Pdfs.signedForm(writer -> {
      writer.addJavaScript("app.alert('hello');");
      writer.addFileAttachment("notes",
          com.lowagie.text.pdf.PdfFileSpecification.fileEmbedded(writer, null, "notes.txt", "hidden".getBytes()));
    }));
    assertThat(jdbc.sql("select content_warning from rssv_return where id = ?").param(latestReturnId(flagged)).query(String.class).single())
        .isEqualTo("JAVASCRIPT,EMBEDDED_FILES");

    Task check = lifecycle.task(flagged.id());
    assertThat(check.getTaskDefinitionKey()).isEqualTo(CHECK_RSSV);
    assertThat(check.getName()).hasSizeLessThanOrEqualTo(255).startsWith("Check returned RSSV · job ").endsWith(" · ⚠ PDF with active content");
    assertThat(check.getDescription()).contains("the uploaded PDF contains JavaScript and embedded files", "not in the browser",
        "do not open files inside it");
    assertThat(check.getName() + check.getDescription()).doesNotContain("Grace", "@");

    Http.Response download = download(flagged, Role.TECHNICIAN);
    assertThat(download.status()).isEqualTo(200);
    assertThat(download.header(ACTIVE_CONTENT)).isEqualTo("JAVASCRIPT, EMBEDDED_FILES");

    // each kind on its own: a launch action, rich media
    Case launch = requested();
    upload(launch, Pdfs.withLaunchOnPageOpen());
    assertThat(lifecycle.task(launch.id()).getDescription()).contains("an action that starts a program");
    assertThat(download(launch, Role.OPERATOR).header(ACTIVE_CONTENT)).isEqualTo("LAUNCH_ACTION");

    // a plain upload and an online signature carry no warning
    Case plain = requested();
    upload(plain, Pdfs.plain());
    assertThat(lifecycle.task(plain.id()).getName()).doesNotContain("⚠");
    assertThat(lifecycle.task(plain.id()).getDescription()).doesNotContain("Warning");
    Case online = requested();
    lifecycle.signRssvOnline(online.id(), "Grace Hopper");
    assertThat(lifecycle.task(online.id()).getName()).doesNotContain("⚠");
    assertThat(download(online, Role.TECHNICIAN).header(ACTIVE_CONTENT)).isNull();
  }

  @Test
  void aCheckTaskReachedWithoutAReturnSaysSo() {
    Case c = requested();
    runtime.createMessageCorrelation(RemoteSupportProcess.MESSAGE_RSSV_RETURNED).processInstanceBusinessKey(c.id()).correlate();
    Task check = lifecycle.task(c.id());
    assertThat(check.getName()).endsWith(" · ⚠ no returned form to check");
    assertThat(check.getDescription()).contains("No new signed RSSV form has been returned for this case", "cannot be decided",
        "An operator can cancel it in Cockpit");
  }

  @Test
  void anErasureDeletesTheDownloadRecordsOfTheErasedRequestsOnly() {
    Case erased = requested();
    upload(erased, Pdfs.plain());
    Case other = requested();
    upload(other, Pdfs.plain());
    for (Case c : List.of(erased, other)) {
      assertThat(download(c, Role.TECHNICIAN).status()).isEqualTo(200);
      assertThat(download(c, Role.OPERATOR).status()).isEqualTo(200);
    }
    SubjectRecords records = provider.find(new SubjectQuery(LookupKeys.email(erased.email()), null, null, null, null));
    assertThat(records.recordIds()).containsExactly(erased.id());
    // the download records are not the subject's data: not described ...
    assertThat(provider.describe(records).keySet()).doesNotContain("case_file_downloads");
    assertThat(provider.describe(records).toString()).doesNotContain("sectechnician");

    // ... but they go with the case, even where its signed copies are retained
    provider.erase(records, Set.of(RetentionCategory.RSSV_RECORDS), "erased (PR-TEST)");
    assertThat(downloads(erased)).isEmpty();
    assertThat(downloads(other)).hasSize(2);
  }
}
