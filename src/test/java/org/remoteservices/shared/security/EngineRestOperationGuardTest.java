package org.remoteservices.shared.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.mock.web.MockHttpServletRequest;

/** The guard's table without a server: which request is which operation, on either mount, however it is spelled. */
class EngineRestOperationGuardTest {
  final EngineRestOperationGuard guard = new EngineRestOperationGuard(Mockito.mock(org.camunda.bpm.engine.IdentityService.class),
      new ObjectMapper(), List.of("/engine-rest", "/camunda/api/engine"), "/camunda/api/engine");

  String operation(String method, String servletPath, String pathInfo) {
    MockHttpServletRequest request = new MockHttpServletRequest(method, servletPath + pathInfo);
    request.setServletPath(servletPath);
    request.setPathInfo(pathInfo);
    EngineRestOperationGuard.Target target = guard.target(request);
    if (target == null) {
      return null;
    }
    // the path alone (the body conditions are the integration tests' part)
    return EngineRestOperationGuard.OPERATIONS.stream().filter(o -> o.when() == null && o.matches(method, target.path()))
        .map(EngineRestOperationGuard.Operation::name).findFirst().orElse(null);
  }

  @Test
  void requestsAreMatchedOnBothMountsAndInEverySpelling() {
    Map<String, String> expected = Map.ofEntries(
        Map.entry("POST /task/t1/bpmnError", "task BPMN error"),
        Map.entry("POST /engine/default/task/t1/bpmnError", "task BPMN error"),
        Map.entry("POST /task/t1/bpmnError/", "task BPMN error"),
        Map.entry("POST //task//t1/bpmnEscalation", "task BPMN escalation"),
        Map.entry("PUT /task/t1/localVariables/x", "variable write"),
        Map.entry("POST /task/t1/variables/x/data", "variable write"),
        Map.entry("DELETE /process-instance/p1/variables/x", "variable write"),
        Map.entry("POST /execution/e1/localVariables", "variable write"),
        Map.entry("POST /message", "message correlation"),
        Map.entry("POST /process-instance/p1/modification-async", "process instance modification"),
        Map.entry("POST /modification/executeAsync", "process instance modification (batch)"),
        Map.entry("PUT /process-definition/key/remote-support/tenant-id/t/suspended", "process definition suspension"),
        Map.entry("POST /process-definition/key/remote-support/restart", "process instance restart"),
        Map.entry("POST /process-definition/key/remote-support/submit-form", "process start"),
        Map.entry("POST /job/j1/execute", "job execution"),
        Map.entry("DELETE /task/t1", "task deletion"),
        Map.entry("PUT /task/t1", "task update"));
    expected.forEach((request, name) -> {
      String[] parts = request.split(" ", 2);
      assertThat(operation(parts[0], "/engine-rest", parts[1])).as("/engine-rest " + request).isEqualTo(name);
      assertThat(operation(parts[0], "/camunda/api/engine", "/engine/default" + parts[1].replaceFirst("^/engine/default", "")))
          .as("webapps " + request).isEqualTo(name);
    });
  }

  @Test
  void readsAndTaskWorkPass() {
    for (String request : List.of("GET /task/t1/variables", "POST /task", "POST /task/t1/complete", "POST /task/t1/submit-form",
        "POST /task/t1/unclaim", "PUT /incident/i1/annotation", "GET /process-instance/p1", "POST /process-instance",
        "POST /migration/generate", "GET /engine", "GET /job/j1")) {
      String[] parts = request.split(" ", 2);
      assertThat(operation(parts[0], "/engine-rest", parts[1])).as(request).isNull();
    }
    assertThat(operation("POST", "/api", "/jobs")).isNull();
  }

  @Test
  void theAnnotationHeaderIsPercentDecodedAndChecked() {
    assertThat(EngineRestOperationGuard.annotationHeader("Ticket 4711")).isEqualTo("Ticket 4711");
    assertThat(EngineRestOperationGuard.annotationHeader("Kunde%20r%C3%BCckgefragt+1")).isEqualTo("Kunde rückgefragt+1");
    assertThat(EngineRestOperationGuard.annotationHeader("  ")).isNull();
    assertThatThrownBy(() -> EngineRestOperationGuard.annotationHeader("%ZZ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EngineRestOperationGuard.annotationHeader("a%0Db")).isInstanceOf(IllegalArgumentException.class);
  }
}
