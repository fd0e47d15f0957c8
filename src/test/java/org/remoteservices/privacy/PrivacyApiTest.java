package org.remoteservices.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.remoteservices.privacy.adapter.camunda.PrivacyProcess;
import org.remoteservices.shared.security.Groups;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The HTTP API of privacy requests: public intake (201, 400 naming fields), the staff-only status, the portal pages. */
class PrivacyApiTest extends PrivacyTestSupport {
  @Autowired TestRestTemplate http;

  @Test
  void submitReturns201WithIdAndStartsTheRequest() {
    Subject s = subject("Pia Portal");
    ResponseEntity<Map> created = http.postForEntity("/api/privacy-requests", json(Map.of("rights", List.of("ACCESS", "UNSUBSCRIBE_MARKETING"),
        "name", "Pia Portal", "email", s.email(), "phone", s.phone(), "jurisdiction", "US_CA", "details", "Please send me my data.")), Map.class);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String id = (String) created.getBody().get("id");
    assertThat(created.getHeaders().getLocation()).hasPath("/api/privacy-requests/" + id);
    assertThat((String) created.getBody().get("reference")).startsWith("PR-");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(PrivacyProcess.KEY).processInstanceBusinessKey(id).count()).isEqualTo(1);
    runDueJobs();
    assertThat(mail("We received your privacy request").to()).containsExactly(s.email());
    assertThat(status(id)).isEqualTo("VERIFYING"); // until the person confirms at the address on record
    // the confirmation link, over HTTP as the browser calls it
    String token = mailToken(s.email(), "/portal/privacy/identity/");
    assertThat(http.getForEntity("/portal/privacy/identity/" + token, String.class).getBody()).contains("privacy.js");
    assertThat(http.getForEntity("/api/privacy/identity/" + token, Map.class).getBody()).containsEntry("kind", "POSSESSION");
    // without a body, as the page posts it (with the header the CSRF guard asks of non-JSON posts)
    org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
    headers.set("X-Requested-With", "XMLHttpRequest");
    assertThat(http.postForEntity("/api/privacy/identity/" + token, new org.springframework.http.HttpEntity<>(headers), Map.class).getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
    assertThat(http.postForEntity("/api/privacy/identity/" + token, new org.springframework.http.HttpEntity<>(headers), Map.class).getStatusCode())
        .isEqualTo(HttpStatus.GONE); // single use
    runDueJobs();
    assertThat(status(id)).isEqualTo("COMPLETED");
    // the download: the page, a wrong code (400), the right one (the PDF), then the link is spent (410)
    String download = mailToken(s.email(), "/portal/privacy/download/");
    assertThat(http.getForEntity("/portal/privacy/download/" + download, String.class).getBody()).contains("privacy.js", "privacy-download");
    assertThat(http.getForEntity("/api/privacy/downloads/" + download, Map.class).getBody()).containsEntry("kind", "ACCESS_REPORT");
    assertThat(http.postForEntity("/api/privacy/downloads/" + download, json(Map.of("code", "WRONG-CODE")), Map.class).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    String code = mail("Your download code").body().replaceAll("(?s).*Your code: (\\S+).*", "$1");
    ResponseEntity<byte[]> file = http.postForEntity("/api/privacy/downloads/" + download, json(Map.of("code", code)), byte[].class);
    assertThat(file.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(file.getHeaders().getContentType().toString()).isEqualTo("application/pdf");
    assertThat(new String(file.getBody(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    assertThat(http.postForEntity("/api/privacy/downloads/" + download, json(Map.of("code", code)), Map.class).getStatusCode())
        .isEqualTo(HttpStatus.GONE);
    assertThat(jdbc.sql("select failed_attempts || ':' || (downloaded_at is not null) from privacy_download where privacy_request_id = ?").param(id)
        .query(String.class).single()).isEqualToIgnoringCase("1:true");
  }

  @Test
  void badInputIsRefusedWith400NamingTheFields() {
    ResponseEntity<Map> missing = http.postForEntity("/api/privacy-requests", json(Map.of("rights", List.of(), "name", "", "email", "not-an-email")), Map.class);
    assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) missing.getBody().get("message")).contains("email", "name", "rights");

    ResponseEntity<Map> unknownRight = http.postForEntity("/api/privacy-requests", json(Map.of("rights", List.of("SELL_MY_SOUL"), "name", "Al Bad",
        "email", "al@example.org")), Map.class);
    assertThat(unknownRight.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) unknownRight.getBody().get("message")).contains("rights");

    ResponseEntity<Map> badAgent = http.postForEntity("/api/privacy-requests", json(Map.of("rights", List.of("ACCESS"), "name", "Al Bad",
        "email", "al@example.org", "agent", Map.of("name", "Agent"))), Map.class);
    assertThat(badAgent.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) badAgent.getBody().get("message")).contains("agent.email");
  }

  @Test
  void statusIsForPrivacyOfficersAndOperatorsOnlyAndHoldsNoPersonalData() {
    String officer = user(Groups.PRIVACY_OFFICERS);
    String technician = user(Groups.TECHNICIANS);
    String id = request(List.of(PrivacyRight.ACCESS), "Quinn Status", "quinn-status@example.org", null, null, org.remoteservices.privacy.domain.Jurisdiction.EU);

    assertThat(http.getForEntity("/api/privacy-requests/" + id, Map.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.withBasicAuth(technician, "pw-" + technician).getForEntity("/api/privacy-requests/" + id, Map.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> ok = http.withBasicAuth(officer, "pw-" + officer).getForEntity("/api/privacy-requests/" + id, String.class);
    assertThat(ok.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(ok.getBody()).contains("\"status\":\"VERIFYING\"", "\"verificationStatus\":\"INSUFFICIENT\"", "\"dueAt\"", "\"deadlineMissed\":false")
        .doesNotContain("quinn-status@example.org", "Quinn");
    // technicians see no privacy task
    assertThat(engine.getTaskService().createTaskQuery().taskCandidateGroup(Groups.TECHNICIANS).processInstanceBusinessKey(id).count()).isZero();
    assertThat(engine.getTaskService().createTaskQuery().taskCandidateGroup(Groups.PRIVACY_OFFICERS).processInstanceBusinessKey(id).count()).isEqualTo(1);
  }

  @Test
  void portalPagesAndLinksAnswer() {
    assertThat(http.getForEntity("/portal/privacy-request", String.class).getBody()).contains("privacy.js", "Make a privacy request");
    Subject s = subject("Rae Links");
    String id = request(List.of(PrivacyRight.ERASURE), "Rae Links", s.email(), s.phone(), null, org.remoteservices.privacy.domain.Jurisdiction.EU);
    String token = mailToken(s.email(), "/portal/privacy/declaration/");
    assertThat(http.getForEntity("/portal/privacy/declaration/" + token, String.class).getBody()).contains("privacy.js");
    ResponseEntity<Map> view = http.getForEntity("/api/privacy/declaration/" + token, Map.class);
    assertThat(view.getBody()).containsEntry("kind", "PRIVACY_DECLARATION");
    ResponseEntity<Map> signed = http.postForEntity("/api/privacy/declaration/" + token + "/signature", json(Map.of("fullName", "Rae Links", "consent", true)), Map.class);
    assertThat(signed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(http.postForEntity("/api/privacy/declaration/" + token + "/signature", json(Map.of("fullName", "Rae Links", "consent", true)), Map.class)
        .getStatusCode()).isEqualTo(HttpStatus.GONE); // single use
    assertThat(http.getForEntity("/api/privacy/declaration/not-a-token", Map.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(jdbc.sql("select count(*) from privacy_evidence where privacy_request_id = ? and kind = 'DECLARATION'").param(id).query(Integer.class).single())
        .isEqualTo(1);
  }


  private static final class PrivacyRight {
    static final org.remoteservices.privacy.domain.PrivacyRight ACCESS = org.remoteservices.privacy.domain.PrivacyRight.ACCESS;
    static final org.remoteservices.privacy.domain.PrivacyRight ERASURE = org.remoteservices.privacy.domain.PrivacyRight.ERASURE;
  }
}
