package org.remoteservices.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.remoteservices.testsupport.TestUsers.Role.*;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.remoteservices.shared.security.EngineRestOperationGuard;
import org.remoteservices.support.adapter.camunda.RemoteSupportProcess;
import org.remoteservices.support.adapter.camunda.RemoteSupportProcess.Elements;
import org.remoteservices.testsupport.Http;
import org.remoteservices.testsupport.IntegrationTest;
import org.remoteservices.testsupport.Lifecycle;
import org.remoteservices.testsupport.TestUsers;
import org.remoteservices.testsupport.TestUsers.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every group against the engine REST operations that change a case, on real running cases (docs/security.md,
 * "Roles"): who may correlate, modify, migrate, delete, suspend, restart, write variables, execute or retry jobs,
 * annotate incidents, and work tasks. An allowed call works (2xx) and has its effect; a refused one answers 403/404
 * and leaves the case exactly as it was.
 *
 * <p>{@link #OPERATIONS} is the table: a new guarded operation is one row. A process administrator sends every call
 * with a reason ({@value EngineRestOperationGuard#ANNOTATION_HEADER}); {@link OperationLogAnnotationTest} shows
 * what happens without one. The same rules on the webapps' mount ({@code /camunda/api/engine}) are checked with
 * real webapp logins below.
 */
class EngineRestMatrixTest extends IntegrationTest {
  static final Set<Role> GROUPS = EnumSet.of(OPERATOR, PROCESS_ADMIN, TECHNICIAN, PRIVACY_OFFICER, SALES, ADMIN);
  static final Set<Role> ADMINS = EnumSet.of(ADMIN);
  static final Set<Role> ADMINISTRATORS = EnumSet.of(ADMIN, PROCESS_ADMIN);
  static final Set<Role> INCIDENT_HANDLERS = EnumSet.of(OPERATOR, PROCESS_ADMIN, ADMIN);
  static final Set<Role> TASK_WORKERS = EnumSet.of(TECHNICIAN, ADMIN);
  static final String REASON = "Customer confirmed the RSSV by phone, ticket 4711";

  /** Where a case stands before the call. */
  enum Stage {
    /** The RSSV form mailed; the case waits for the signed RSSV (message) or the reminder (a timer due in days). */
    AWAITING_RSSV,
    /** The signed RSSV accepted; the technicians' task "Schedule remote session" is open. */
    SCHEDULE_SESSION,
    /** The first job (generate the RSSV) is out of retries: a failed job with its incident. */
    FAILED_JOB,
    /** Awaiting the RSSV, then deleted (for restart). */
    DELETED,
    /** Nothing of a case is needed. */
    NONE
  }

  /** The ids a call refers to. */
  record Case(String supportRequestId, String instanceId, String definitionId, String taskId, String jobId, String incidentId) {}

  @FunctionalInterface
  interface Call {
    Http.Call make(Http http, Case c, TestUsers.Login login);
  }

  /** An operation: the case it needs, the call, who may, what "works" means, and how to see that it happened. */
  record Operation(String name, Stage stage, Call call, Set<Role> allowed, Set<Integer> works, Predicate<Case> happened) {}

  Operation[] operations() {
    return new Operation[] {
        new Operation("message correlation (RssvReturned: past the signed-RSSV gate)", Stage.AWAITING_RSSV,
            (http, c, me) -> http.post("/engine-rest/message").json("{\"messageName\":\"" + RemoteSupportProcess.MESSAGE_RSSV_RETURNED
                + "\",\"businessKey\":\"" + c.supportRequestId() + "\"}"),
            ADMINS, Set.of(200, 204), c -> waitsAt(c, Elements.CHECK_RSSV)),
        new Operation("modification (startBeforeActivity userTask_scheduleSession)", Stage.AWAITING_RSSV,
            (http, c, me) -> http.post("/engine-rest/process-instance/" + c.instanceId() + "/modification")
                .json("{\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"" + Elements.SCHEDULE_SESSION + "\"}]}"),
            ADMINISTRATORS, Set.of(204), c -> waitsAt(c, Elements.SCHEDULE_SESSION)),
        new Operation("migration (to the same definition)", Stage.SCHEDULE_SESSION,
            (http, c, me) -> http.post("/engine-rest/migration/execute").json("{\"migrationPlan\":" + migrationPlan(c)
                + ",\"processInstanceIds\":[\"" + c.instanceId() + "\"]}"),
            ADMINISTRATORS, Set.of(204), c -> opLogged(c, "Migrate")),
        new Operation("delete instance", Stage.AWAITING_RSSV,
            (http, c, me) -> http.delete("/engine-rest/process-instance/" + c.instanceId()),
            ADMINISTRATORS, Set.of(204), c -> instance(c) == null),
        new Operation("suspend instance", Stage.AWAITING_RSSV,
            (http, c, me) -> http.put("/engine-rest/process-instance/" + c.instanceId() + "/suspended").json("{\"suspended\":true}"),
            ADMINISTRATORS, Set.of(204), c -> instance(c).isSuspended()),
        new Operation("restart (a deleted instance, at the schedule-session task)", Stage.DELETED,
            (http, c, me) -> http.post("/engine-rest/process-definition/" + c.definitionId() + "/restart")
                .json("{\"processInstanceIds\":[\"" + c.instanceId() + "\"],\"instructions\":[{\"type\":\"startBeforeActivity\","
                    + "\"activityId\":\"" + Elements.SCHEDULE_SESSION + "\"}]}"),
            ADMINISTRATORS, Set.of(204), c -> runtime.createProcessInstanceQuery().processInstanceBusinessKey(c.supportRequestId()).count() == 1),
        new Operation("process variable write", Stage.SCHEDULE_SESSION,
            (http, c, me) -> http.put("/engine-rest/process-instance/" + c.instanceId() + "/variables/rssvAccepted")
                .json("{\"value\":false,\"type\":\"Boolean\"}"),
            ADMINISTRATORS, Set.of(204), c -> Boolean.FALSE.equals(runtime.getVariable(c.instanceId(), "rssvAccepted"))),
        new Operation("process variables write (POST)", Stage.SCHEDULE_SESSION,
            (http, c, me) -> http.post("/engine-rest/process-instance/" + c.instanceId() + "/variables")
                .json("{\"modifications\":{\"rssvAccepted\":{\"value\":false,\"type\":\"Boolean\"}}}"),
            ADMINISTRATORS, Set.of(204), c -> Boolean.FALSE.equals(runtime.getVariable(c.instanceId(), "rssvAccepted"))),
        new Operation("execution local variable write", Stage.SCHEDULE_SESSION,
            (http, c, me) -> http.put("/engine-rest/execution/" + c.instanceId() + "/localVariables/rssvAccepted")
                .json("{\"value\":false,\"type\":\"Boolean\"}"),
            ADMINISTRATORS, Set.of(204), c -> Boolean.FALSE.equals(runtime.getVariable(c.instanceId(), "rssvAccepted"))),
        new Operation("job execute (the reminder timer, due in days)", Stage.AWAITING_RSSV,
            (http, c, me) -> http.post("/engine-rest/job/" + c.jobId() + "/execute"),
            ADMINISTRATORS, Set.of(204), c -> management.createJobQuery().jobId(c.jobId()).count() == 0),
        new Operation("job retries with a due date (the reminder timer, now)", Stage.AWAITING_RSSV,
            (http, c, me) -> http.put("/engine-rest/job/" + c.jobId() + "/retries").json("{\"retries\":3,\"dueDate\":null}"),
            ADMINISTRATORS, Set.of(204), c -> management.createJobQuery().jobId(c.jobId()).singleResult().getDuedate() == null),
        new Operation("job retry (a failed job)", Stage.FAILED_JOB,
            (http, c, me) -> http.put("/engine-rest/job/" + c.jobId() + "/retries").json("{\"retries\":1}"),
            INCIDENT_HANDLERS, Set.of(204), c -> runtime.createIncidentQuery().incidentId(c.incidentId()).count() == 0),
        new Operation("job retry (a failed job, through the batch)", Stage.FAILED_JOB,
            (http, c, me) -> http.post("/engine-rest/job/retries").json("{\"jobIds\":[\"" + c.jobId() + "\"],\"retries\":1}"),
            INCIDENT_HANDLERS, Set.of(200), c -> management.createBatchQuery().count() > 0),
        new Operation("incident annotation", Stage.FAILED_JOB,
            (http, c, me) -> http.put("/engine-rest/incident/" + c.incidentId() + "/annotation").json("{\"annotation\":\"Mail server down, retrying at 10:00\"}"),
            INCIDENT_HANDLERS, Set.of(204), c -> "Mail server down, retrying at 10:00".equals(incident(c).getAnnotation())),
        new Operation("task bpmnError", Stage.SCHEDULE_SESSION,
            (http, c, me) -> http.post("/engine-rest/task/" + c.taskId() + "/bpmnError").json("{\"errorCode\":\"giveUp\"}"),
            ADMINS, Set.of(204), c -> instance(c) == null),
        new Operation("task bpmnEscalation (the model catches none: the engine then refuses administrators too)", Stage.SCHEDULE_SESSION,
            (http, c, me) -> http.post("/engine-rest/task/" + c.taskId() + "/bpmnEscalation").json("{\"escalationCode\":\"help\"}"),
            ADMINS, Set.of(500), c -> task(c) != null),
        new Operation("task variable write", Stage.SCHEDULE_SESSION,
            (http, c, me) -> http.put("/engine-rest/task/" + c.taskId() + "/variables/rssvAccepted").json("{\"value\":false,\"type\":\"Boolean\"}"),
            ADMINS, Set.of(204), c -> Boolean.FALSE.equals(runtime.getVariable(c.instanceId(), "rssvAccepted"))),
        new Operation("task variables write (POST)", Stage.SCHEDULE_SESSION,
            (http, c, me) -> http.post("/engine-rest/task/" + c.taskId() + "/variables")
                .json("{\"modifications\":{\"rssvAccepted\":{\"value\":false,\"type\":\"Boolean\"}}}"),
            ADMINS, Set.of(204), c -> Boolean.FALSE.equals(runtime.getVariable(c.instanceId(), "rssvAccepted"))),
        new Operation("task local variable write", Stage.SCHEDULE_SESSION,
            (http, c, me) -> http.put("/engine-rest/task/" + c.taskId() + "/localVariables/note").json("{\"value\":\"x\",\"type\":\"String\"}"),
            ADMINS, Set.of(204), c -> "x".equals(tasks.getVariableLocal(c.taskId(), "note"))),
        new Operation("task local variable delete", Stage.SCHEDULE_SESSION,
            (http, c, me) -> http.delete("/engine-rest/task/" + c.taskId() + "/localVariables/note"),
            ADMINS, Set.of(204), c -> true),
        new Operation("task delete (past the guard, the engine refuses to delete a process's task)", Stage.SCHEDULE_SESSION,
            (http, c, me) -> http.delete("/engine-rest/task/" + c.taskId()),
            ADMINISTRATORS, Set.of(500), c -> task(c) != null),
        new Operation("task update", Stage.SCHEDULE_SESSION,
            (http, c, me) -> http.put("/engine-rest/task/" + c.taskId()).json("{\"name\":\"Renamed\",\"priority\":1}"),
            ADMINS, Set.of(204), c -> "Renamed".equals(task(c).getName())),
        new Operation("task delegation", Stage.SCHEDULE_SESSION,
            (http, c, me) -> http.post("/engine-rest/task/" + c.taskId() + "/delegate").json("{\"userId\":\"secoperator\"}"),
            ADMINS, Set.of(204), c -> "secoperator".equals(task(c).getAssignee())),
        new Operation("task assignee (to someone else)", Stage.SCHEDULE_SESSION,
            (http, c, me) -> http.post("/engine-rest/task/" + c.taskId() + "/assignee").json("{\"userId\":\"secoperator\"}"),
            ADMINS, Set.of(204), c -> "secoperator".equals(task(c).getAssignee())),
        new Operation("task candidate added", Stage.SCHEDULE_SESSION,
            (http, c, me) -> http.post("/engine-rest/task/" + c.taskId() + "/identity-links").json("{\"groupId\":\"operators\",\"type\":\"candidate\"}"),
            ADMINS, Set.of(204), c -> true),
        new Operation("task claim for someone else", Stage.SCHEDULE_SESSION,
            (http, c, me) -> http.post("/engine-rest/task/" + c.taskId() + "/claim").json("{\"userId\":\"secadmin\"}"),
            ADMINS, Set.of(204), c -> "secadmin".equals(task(c).getAssignee())),
        new Operation("task claim", Stage.SCHEDULE_SESSION,
            (http, c, me) -> http.post("/engine-rest/task/" + c.taskId() + "/claim").json("{\"userId\":\"" + me.user() + "\"}"),
            TASK_WORKERS, Set.of(204), c -> task(c).getAssignee() != null),
        new Operation("task complete (the form's variables)", Stage.SCHEDULE_SESSION,
            (http, c, me) -> http.post("/engine-rest/task/" + c.taskId() + "/complete").json(SCHEDULE_FORM),
            TASK_WORKERS, Set.of(204), c -> task(c) == null),
        new Operation("task submit-form", Stage.SCHEDULE_SESSION,
            (http, c, me) -> http.post("/engine-rest/task/" + c.taskId() + "/submit-form").json(SCHEDULE_FORM),
            TASK_WORKERS, Set.of(204), c -> task(c) == null),
        // past the guard and the permissions, an administrator's start fails on the privacy request that does not exist
        new Operation("start at a later activity (privacy-request, past its acknowledgement)", Stage.NONE,
            (http, c, me) -> http.post("/engine-rest/process-definition/key/privacy-request/start")
                .json("{\"businessKey\":\"" + STARTED + "\",\"startInstructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"serviceTask_mailAcknowledgement\"}]}"),
            ADMINS, Set.of(200, 500), c -> true),
    };
  }

  static final String STARTED = "matrix-start";
  static final String SCHEDULE_FORM =
      "{\"variables\":{\"input_sessionStart\":{\"value\":\"2026-12-01T14:30:00Z\"},\"input_sessionMinutes\":{\"value\":60}}}";

  @LocalServerPort int port;
  @Autowired TestUsers users;
  @Autowired Lifecycle lifecycle;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;

  final List<String> cases = new ArrayList<>();

  /** Nothing of these cases may run in a later test's runDueJobs(): their instances and the batches go. */
  @AfterEach
  void removeTheCases() {
    List<String> keys = new ArrayList<>(cases);
    keys.add(STARTED);
    for (String key : keys) {
      runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).list()
          .forEach(i -> runtime.deleteProcessInstance(i.getId(), "end of EngineRestMatrixTest", true, true));
    }
    management.createBatchQuery().list().forEach(b -> management.deleteBatch(b.getId(), true));
  }

  @Test
  void everyGroupGetsExactlyItsOperationsOnARunningCase() {
    Http http = new Http(port);
    List<String> problems = new ArrayList<>();
    for (Operation operation : operations()) {
      Case shared = operation.stage() == Stage.NONE ? null : newCase(operation.stage());
      String before = shared == null ? null : snapshot(shared);
      for (Role role : GROUPS) {
        boolean allowed = operation.allowed().contains(role);
        Case c = allowed && shared != null ? newCase(operation.stage()) : shared;
        TestUsers.Login login = users.login(role);
        Http.Call call = operation.call().make(http, c, login).as(login);
        if (role == PROCESS_ADMIN) {
          call.header(EngineRestOperationGuard.ANNOTATION_HEADER, REASON);
        }
        long batches = management.createBatchQuery().count();
        Http.Response response = call.send();
        if (!allowed && management.createBatchQuery().count() != batches) {
          problems.add(operation.name() + " as " + role + ": a refused call created a batch");
        }
        String cell = operation.name() + " as " + role + ": " + response;
        if (allowed) {
          if (!operation.works().contains(response.status())) {
            problems.add(cell + " (expected " + operation.works() + ")");
          } else if (c != null && !operation.happened().test(c)) {
            problems.add(cell + ": answered, but did not happen");
          }
        } else {
          if (response.status() != 403 && response.status() != 404) {
            problems.add(cell + " (expected 403 or 404)");
          } else if (!response.isJson()) {
            problems.add(cell + ": not a JSON answer");
          }
        }
      }
      if (shared != null && !snapshot(shared).equals(before)) {
        problems.add(operation.name() + ": a refused call changed the case: " + before + " -> " + snapshot(shared));
      }
    }
    assertThat(problems).isEmpty();
  }

  /** Refusals look like the engine REST API's own: 403, {"type":"AuthorizationException","message":...}. */
  @Test
  void theGuardAnswersInTheEngineRestStyle() {
    Http http = new Http(port);
    Case c = newCase(Stage.SCHEDULE_SESSION);
    Http.Response response = http.post("/engine-rest/task/" + c.taskId() + "/bpmnError").as(users.login(TECHNICIAN))
        .json("{\"errorCode\":\"giveUp\"}").send();
    assertThat(response.status()).isEqualTo(403);
    assertThat(response.json().get("type").asText()).isEqualTo("AuthorizationException");
    assertThat(response.json().get("message").asText()).contains("sectechnician", "task BPMN error");
  }

  /** The same paths under another spelling: the engine-name form, trailing slash, doubled slashes, encoded letters. */
  @Test
  void otherSpellingsOfAGuardedPathAreGuardedToo() {
    Http http = new Http(port);
    Case c = newCase(Stage.SCHEDULE_SESSION);
    TestUsers.Login tech = users.login(TECHNICIAN);
    for (String path : List.of("/engine-rest/engine/default/task/%s/bpmnError", "/engine-rest/task/%s/bpmnError/",
        "/engine-rest//task/%s//bpmnError", "/engine-rest/task/%s/bpmn%%45rror", "/engine-rest/task/%s;x=1/bpmnError")) {
      Http.Response response = http.post(path.formatted(c.taskId())).as(tech).json("{\"errorCode\":\"giveUp\"}").send();
      assertThat(response.status()).as(response.toString()).isIn(400, 403, 404);
    }
    assertThat(instance(c)).as("the case still runs").isNotNull();
    assertThat(task(c)).isNotNull();
  }

  /** Tasklist's and Cockpit's own REST mount: technicians claim and submit there, and nothing more; operators only retry. */
  @Test
  void theWebappsMountHasTheSameRules() {
    Http http = new Http(port);
    Case c = newCase(Stage.SCHEDULE_SESSION);
    String api = "/camunda/api/engine/engine/default";

    Webapp tasklist = Webapp.login(http, users.login(TECHNICIAN), "tasklist");
    assertThat(tasklist.call("POST", api + "/task/" + c.taskId() + "/bpmnError").json("{\"errorCode\":\"giveUp\"}").send().status())
        .isEqualTo(403);
    assertThat(tasklist.call("PUT", api + "/task/" + c.taskId() + "/variables/rssvAccepted")
        .json("{\"value\":false,\"type\":\"Boolean\"}").send().status()).isEqualTo(403);
    assertThat(tasklist.call("POST", api + "/task/" + c.taskId() + "/claim").json("{\"userId\":\"secadmin\"}").send().status()).isEqualTo(403);
    Http.Response claim = tasklist.call("POST", api + "/task/" + c.taskId() + "/claim").json("{\"userId\":\"sectechnician\"}").send();
    assertThat(claim.status()).as(claim.toString()).isEqualTo(204);
    Http.Response submit = tasklist.call("POST", api + "/task/" + c.taskId() + "/submit-form").json(SCHEDULE_FORM).send();
    assertThat(submit.status()).as(submit.toString()).isEqualTo(204);
    assertThat(task(c)).isNull();

    Case waiting = newCase(Stage.AWAITING_RSSV);
    Webapp cockpit = Webapp.login(http, users.login(OPERATOR), "cockpit");
    assertThat(cockpit.call("POST", api + "/message").json("{\"messageName\":\"" + RemoteSupportProcess.MESSAGE_RSSV_RETURNED
        + "\",\"businessKey\":\"" + waiting.supportRequestId() + "\"}").send().status()).isEqualTo(403);
    assertThat(cockpit.call("POST", api + "/process-instance/" + waiting.instanceId() + "/modification")
        .json("{\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"" + Elements.SCHEDULE_SESSION + "\"}],"
            + "\"annotation\":\"" + REASON + "\"}").send().status()).isEqualTo(403);
    assertThat(waitsAt(waiting, Elements.SCHEDULE_SESSION)).isFalse();
    Case failed = newCase(Stage.FAILED_JOB);
    assertThat(cockpit.call("PUT", api + "/job/" + failed.jobId() + "/retries").json("{\"retries\":1}").send().status()).isEqualTo(204);
    assertThat(runtime.createIncidentQuery().incidentId(failed.incidentId()).count()).isZero();
  }

  // ------------------------------------------------------------------------------------------------ cases

  Case newCase(Stage stage) {
    String email = "matrix-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    String id = lifecycle.submit(lifecycle.newJob(), "Mat Rix", email);
    cases.add(id);
    if (stage == Stage.FAILED_JOB) {
      String instanceId = lifecycle.instance(id).getId();
      String jobId = management.createJobQuery().processInstanceId(instanceId).singleResult().getId();
      management.setJobRetries(jobId, 0);
      Incident incident = runtime.createIncidentQuery().processInstanceId(instanceId).singleResult();
      assertThat(incident).as("incident of the failed job").isNotNull();
      return new Case(id, instanceId, lifecycle.instance(id).getProcessDefinitionId(), null, jobId, incident.getId());
    }
    runDueJobs();
    ProcessInstance instance = lifecycle.instance(id);
    if (stage == Stage.SCHEDULE_SESSION) {
      lifecycle.signRssvOnline(id, "Mat Rix");
      lifecycle.acceptRssv(id);
      Task task = lifecycle.task(id);
      assertThat(task.getTaskDefinitionKey()).isEqualTo(Elements.SCHEDULE_SESSION);
      return new Case(id, instance.getId(), instance.getProcessDefinitionId(), task.getId(), null, null);
    }
    String timer = management.createJobQuery().processInstanceId(instance.getId()).timers().singleResult().getId();
    if (stage == Stage.DELETED) {
      runtime.deleteProcessInstance(instance.getId(), "deleted for the restart test");
    }
    return new Case(id, instance.getId(), instance.getProcessDefinitionId(), null, timer, null);
  }

  /** Everything a call could change about a case, as text. */
  String snapshot(Case c) {
    Map<String, Object> state = new LinkedHashMap<>();
    ProcessInstance instance = instance(c);
    state.put("instance", instance == null ? "gone" : instance.isSuspended() ? "suspended" : "active");
    state.put("running", runtime.createProcessInstanceQuery().processInstanceBusinessKey(c.supportRequestId()).count());
    if (instance != null) {
      state.put("activities", runtime.getActiveActivityIds(c.instanceId()).stream().sorted().toList());
      state.put("variables", new TreeMap<>(runtime.getVariables(c.instanceId())));
      state.put("tasks", tasks.createTaskQuery().processInstanceId(c.instanceId()).list().stream()
          .map(t -> t.getId() + "/" + t.getName() + "/" + t.getAssignee() + "/" + t.getDelegationState() + "/" + t.getPriority()
              + "/" + tasks.getVariablesLocal(t.getId()) + "/" + tasks.getIdentityLinksForTask(t.getId()).size())
          .sorted().toList());
      state.put("jobs", management.createJobQuery().processInstanceId(c.instanceId()).list().stream()
          .sorted(Comparator.comparing(org.camunda.bpm.engine.runtime.Job::getId))
          .map(j -> j.getId() + "/" + j.getRetries() + "/" + j.getDuedate() + "/" + j.isSuspended()).toList());
      state.put("incidents", runtime.createIncidentQuery().processInstanceId(c.instanceId()).list().stream()
          .map(i -> i.getId() + "/" + i.getAnnotation()).sorted().toList());
    }
    return state.toString();
  }

  ProcessInstance instance(Case c) {
    return runtime.createProcessInstanceQuery().processInstanceId(c.instanceId()).singleResult();
  }

  Task task(Case c) {
    return tasks.createTaskQuery().taskId(c.taskId()).singleResult();
  }

  Incident incident(Case c) {
    return runtime.createIncidentQuery().incidentId(c.incidentId()).singleResult();
  }

  boolean waitsAt(Case c, String activityId) {
    return instance(c) != null && runtime.getActiveActivityIds(c.instanceId()).contains(activityId);
  }

  boolean opLogged(Case c, String operationType) {
    return history.createUserOperationLogQuery().processInstanceId(c.instanceId()).operationType(operationType).count() > 0
        || history.createUserOperationLogQuery().operationType(operationType).processDefinitionId(c.definitionId()).count() > 0;
  }

  /** A migration plan from the instance's definition to itself (as Cockpit generates it). */
  String migrationPlan(Case c) {
    Http.Response plan = new Http(port).post("/engine-rest/migration/generate").as(users.login(ADMIN))
        .json("{\"sourceProcessDefinitionId\":\"" + c.definitionId() + "\",\"targetProcessDefinitionId\":\"" + c.definitionId() + "\"}").send();
    assertThat(plan.status()).as(plan.toString()).isEqualTo(200);
    return plan.body();
  }

  /** A Camunda webapp session (login form, session cookie, the webapps' CSRF token), as a browser has it. */
  static final class Webapp {
    private final Http http;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    private Webapp(Http http) {
      this.http = http;
    }

    static Webapp login(Http http, TestUsers.Login login, String app) {
      Webapp session = new Webapp(http);
      session.keep(http.get("/camunda/app/" + app + "/default/").send());
      String form = "username=" + URLEncoder.encode(login.user(), StandardCharsets.UTF_8)
          + "&password=" + URLEncoder.encode(login.password(), StandardCharsets.UTF_8);
      Http.Response response = session.call("POST", "/camunda/api/admin/auth/user/default/login/" + app)
          .body("application/x-www-form-urlencoded", form.getBytes(StandardCharsets.UTF_8)).send();
      assertThat(response.status()).as(response.toString()).isEqualTo(200);
      session.keep(response);
      session.keep(session.call("GET", "/camunda/api/engine/engine/default/task/count").send());
      return session;
    }

    Http.Call call(String method, String path) {
      Http.Call call = http.call(method, path);
      if (!cookies.isEmpty()) {
        call.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; ")));
      }
      if (cookies.containsKey("XSRF-TOKEN")) {
        call.header("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"));
      }
      return call;
    }

    private void keep(Http.Response response) {
      for (String header : response.headers().allValues("Set-Cookie")) {
        String[] pair = header.split(";", 2)[0].split("=", 2);
        cookies.put(pair[0], pair.length > 1 ? pair[1] : "");
      }
    }
  }
}
