package org.remoteservices.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.remoteservices.shared.security.EngineRestOperationGuard;
import org.remoteservices.shared.security.Groups;
import org.remoteservices.shared.security.OperationAnnotation;
import org.remoteservices.support.adapter.camunda.RemoteSupportProcess;
import org.remoteservices.support.adapter.camunda.RemoteSupportProcess.Elements;
import org.remoteservices.testsupport.Http;
import org.remoteservices.testsupport.IntegrationTest;
import org.remoteservices.testsupport.Lifecycle;
import org.remoteservices.testsupport.TestUsers;
import org.remoteservices.testsupport.TestUsers.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A process administrator's interventions are in the user operation log (ACT_HI_OP_LOG) with the reason they
 * gave, and are refused without one: before anything happens where the request can be checked (the guard), and
 * at the latest when the engine would write the unexplained entry (the whole operation rolls back).
 */
class OperationLogAnnotationTest extends IntegrationTest {
  static final String MODIFY = "{\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"" + Elements.SCHEDULE_SESSION + "\"}]";

  @LocalServerPort int port;
  @Autowired TestUsers users;
  @Autowired Lifecycle lifecycle;
  @Autowired RuntimeService runtime;
  @Autowired IdentityService identity;
  @Autowired JdbcClient jdbc;

  final List<String> cases = new ArrayList<>();

  @AfterEach
  void removeTheCases() {
    identity.clearAuthentication();
    for (String id : cases) {
      runtime.createProcessInstanceQuery().processInstanceBusinessKey(id).list()
          .forEach(i -> runtime.deleteProcessInstance(i.getId(), "end of OperationLogAnnotationTest", true, true));
    }
  }

  /** A case waiting for its signed RSSV (so that startBeforeActivity userTask_scheduleSession would skip the gate). */
  ProcessInstance awaitingRssv() {
    String id = lifecycle.submit(lifecycle.newJob(), "Op Log", "oplog-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org");
    cases.add(id);
    runDueJobs();
    return lifecycle.instance(id);
  }

  List<Map<String, Object>> opLog(String instanceId, String operationType) {
    return jdbc.sql("select USER_ID_, ANNOTATION_, CATEGORY_ from ACT_HI_OP_LOG where PROC_INST_ID_ = ? and OPERATION_TYPE_ = ?")
        .params(instanceId, operationType).query().listOfRows();
  }

  boolean waitsAt(ProcessInstance instance, String activityId) {
    return runtime.getActiveActivityIds(instance.getId()).contains(activityId);
  }

  @Test
  void aModificationWithAnAnnotationIsLoggedWithIt_withoutOneItIsRefused() {
    Http http = new Http(port);
    TestUsers.Login admin = users.login(Role.PROCESS_ADMIN);
    ProcessInstance instance = awaitingRssv();

    Http.Response refused = http.post("/engine-rest/process-instance/" + instance.getId() + "/modification").as(admin)
        .json(MODIFY + "}").send();
    assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
    assertThat(refused.json().get("type").asText()).isEqualTo("AuthorizationException");
    assertThat(refused.json().get("message").asText()).contains("annotation");
    assertThat(waitsAt(instance, Elements.SCHEDULE_SESSION)).isFalse();
    assertThat(opLog(instance.getId(), "ModifyProcessInstance")).isEmpty();

    String reason = "Customer signed on paper, scan in ticket 4711";
    Http.Response done = http.post("/engine-rest/process-instance/" + instance.getId() + "/modification").as(admin)
        .json(MODIFY + ",\"annotation\":\"" + reason + "\"}").send();
    assertThat(done.status()).as(done.toString()).isEqualTo(204);
    assertThat(waitsAt(instance, Elements.SCHEDULE_SESSION)).isTrue();
    List<Map<String, Object>> entries = opLog(instance.getId(), "ModifyProcessInstance");
    assertThat(entries).isNotEmpty().allSatisfy(row -> {
      assertThat(row.get("USER_ID_")).isEqualTo("secprocessadmin");
      assertThat(row.get("ANNOTATION_")).isEqualTo(reason);
    });
  }

  @Test
  void aReasonInTheHeaderAnnotatesOperationsWhoseApiHasNoAnnotationField() {
    Http http = new Http(port);
    TestUsers.Login admin = users.login(Role.PROCESS_ADMIN);
    ProcessInstance instance = awaitingRssv();

    assertThat(http.put("/engine-rest/process-instance/" + instance.getId() + "/suspended").as(admin).json("{\"suspended\":true}")
        .send().status()).isEqualTo(403);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult().isSuspended()).isFalse();

    // non-ASCII reasons travel percent-encoded
    Http.Response suspended = http.put("/engine-rest/process-instance/" + instance.getId() + "/suspended").as(admin)
        .header(EngineRestOperationGuard.ANNOTATION_HEADER, "Kunde r%C3%BCckgefragt%2C Ticket 4712").json("{\"suspended\":true}").send();
    assertThat(suspended.status()).as(suspended.toString()).isEqualTo(204);
    assertThat(opLog(instance.getId(), "Suspend")).extracting(row -> row.get("ANNOTATION_")).containsOnly("Kunde rückgefragt, Ticket 4712");

    Http.Response deleted = http.delete("/engine-rest/process-instance/" + instance.getId()).as(admin)
        .header(EngineRestOperationGuard.ANNOTATION_HEADER, "Duplicate of case 4711").send();
    assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
    assertThat(opLog(instance.getId(), "Delete")).extracting(row -> row.get("ANNOTATION_")).containsOnly("Duplicate of case 4711");
  }

  @Test
  void aMalformedReasonIsRefused() {
    Http http = new Http(port);
    ProcessInstance instance = awaitingRssv();
    for (String header : List.of("%E0%A4%A", "line%0Abreak", "x".repeat(OperationAnnotation.MAX_LENGTH + 1))) {
      Http.Response response = http.delete("/engine-rest/process-instance/" + instance.getId()).as(users.login(Role.PROCESS_ADMIN))
          .header(EngineRestOperationGuard.ANNOTATION_HEADER, header).send();
      assertThat(response.status()).as(response.toString()).isEqualTo(400);
    }
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isOne();
  }

  /** What the guard does not see (the Java API, a path it does not know) the engine still refuses. */
  @Test
  void theEngineRefusesAProcessAdministratorsUnexplainedEntry() {
    ProcessInstance instance = awaitingRssv();
    identity.setAuthentication("secprocessadmin", List.of(Groups.PROCESS_ADMINS));
    assertThatThrownBy(() -> runtime.setVariable(instance.getId(), "rssvAccepted", true))
        .isInstanceOf(AuthorizationException.class).hasMessageContaining("annotation");
    assertThat(runtime.getVariable(instance.getId(), "rssvAccepted")).isNull();

    OperationAnnotation.with("Set by hand after the phone call, ticket 4713", () -> {
      runtime.setVariable(instance.getId(), "rssvAccepted", true);
      return null;
    });
    identity.clearAuthentication();
    assertThat(runtime.getVariable(instance.getId(), "rssvAccepted")).isEqualTo(true);
    assertThat(opLog(instance.getId(), "SetVariable")).extracting(row -> row.get("ANNOTATION_"))
        .containsOnly("Set by hand after the phone call, ticket 4713");
  }

  /** Process administrators restart instances (which needs the start permission) but start none. */
  @Test
  void processAdministratorsStartNothing() {
    long instances = runtime.createProcessInstanceQuery().processDefinitionKey(RemoteSupportProcess.KEY).count();
    Http.Response response = new Http(port).post("/engine-rest/process-definition/key/" + RemoteSupportProcess.KEY + "/start")
        .as(users.login(Role.PROCESS_ADMIN)).header(EngineRestOperationGuard.ANNOTATION_HEADER, "test").json("{}").send();
    assertThat(response.status()).as(response.toString()).isEqualTo(403);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(RemoteSupportProcess.KEY).count()).isEqualTo(instances);
  }
}
