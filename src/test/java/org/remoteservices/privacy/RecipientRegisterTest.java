package org.remoteservices.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.remoteservices.privacy.application.AccessService;
import org.remoteservices.privacy.domain.Jurisdiction;
import org.remoteservices.privacy.domain.PrivacyRight;
import org.remoteservices.shared.security.Groups;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The recipient and transfer register: kept by privacy officers through the API, listed in the access report. */
class RecipientRegisterTest extends PrivacyTestSupport {
  @Autowired TestRestTemplate http;
  @Autowired AccessService access;

  @Test
  void privacyOfficersKeepTheRegisterAndTheAccessReportListsWhoReceivesTheData() {
    String officer = user(Groups.PRIVACY_OFFICERS);
    String technician = user(Groups.TECHNICIANS);
    String base = "/api/privacy/recipient-register";
    Map<String, Object> contractor = new java.util.HashMap<>(Map.of("name", "Engineering contractor " + UUID.randomUUID().toString().substring(0, 6),
        "role", "CONTRACTOR", "country", "IN", "dataCategories", List.of("support files", "case numbers"),
        "legalBasis", "legitimate interest in solving select technical issues (Art. 6(1)(f))", "contactEmail", "privacy@contractor.example.in"));

    assertThat(http.withBasicAuth(technician, "pw-" + technician).postForEntity(base, browserJson(contractor), Map.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    // a transfer to India needs its safeguard
    ResponseEntity<Map> refused = http.withBasicAuth(officer, "pw-" + officer).postForEntity(base, browserJson(contractor), Map.class);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().toString()).contains("transferSafeguard");
    ResponseEntity<Map> bad = http.withBasicAuth(officer, "pw-" + officer).postForEntity(base,
        browserJson(Map.of("name", "X", "role", "FRIEND", "country", "XX", "dataCategories", List.of(), "legalBasis", "", "contactEmail", "nope")), Map.class);
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(bad.getBody().toString()).contains("role", "country", "dataCategories", "legalBasis", "contactEmail");

    contractor.put("transferSafeguard", "EU standard contractual clauses (Commission Decision 2021/914), module 2");
    ResponseEntity<Map> added = http.withBasicAuth(officer, "pw-" + officer).postForEntity(base, browserJson(contractor), Map.class);
    assertThat(added.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String id = (String) added.getBody().get("id");
    Map<String, Object> processor = Map.of("name", "Mail delivery service " + UUID.randomUUID().toString().substring(0, 6), "role", "PROCESSOR",
        "country", "us", "dataCategories", List.of("e-mail addresses", "mail content"), "legalBasis", "processor contract (Art. 28)",
        "transferSafeguard", "EU standard contractual clauses, module 2", "contactEmail", "privacy@mail-provider.example.com");
    assertThat(http.withBasicAuth(officer, "pw-" + officer).postForEntity(base, browserJson(processor), Map.class).getBody()).containsEntry("country", "US");

    contractor.put("dataCategories", List.of("support files"));
    assertThat(http.withBasicAuth(officer, "pw-" + officer).exchange(base + "/" + id, HttpMethod.PUT, browserJson(contractor), Map.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(http.withBasicAuth(officer, "pw-" + officer).getForEntity(base, String.class).getBody())
        .contains((String) contractor.get("name"), (String) processor.get("name"), "standard contractual clauses");

    // "tell me who received my data": the access report lists the register
    Subject s = subject("Rita Recipients");
    String request = confirmedRequest(List.of(PrivacyRight.ACCESS), s, null, Jurisdiction.EU);
    var data = access.subjectData(privacyRequests.get(request));
    assertThat(data.get("recipientRegister")).anySatisfy(row -> assertThat(row).containsEntry("recipient", contractor.get("name"))
        .containsEntry("country", "IN").containsEntry("dataCategories", "support files"));

    assertThat(http.withBasicAuth(officer, "pw-" + officer).exchange(base + "/" + id, HttpMethod.DELETE, new HttpEntity<>(headers()), Void.class)
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(http.withBasicAuth(officer, "pw-" + officer).exchange(base + "/" + id, HttpMethod.DELETE, new HttpEntity<>(headers()), Map.class)
        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  private static HttpHeaders headers() {
    HttpHeaders headers = new HttpHeaders();
    headers.set("X-Requested-With", "XMLHttpRequest");
    return headers;
  }

  private static HttpEntity<Object> browserJson(Object body) {
    HttpHeaders headers = headers();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }
}
