package org.remoteservices.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.remoteservices.jobs.api.Job;
import org.remoteservices.shared.security.AuthorizationBootstrap;
import org.remoteservices.shared.security.Groups;
import org.remoteservices.support.adapter.camunda.RemoteSupportProcess;
import org.remoteservices.testsupport.Http;
import org.remoteservices.testsupport.IntegrationTest;
import org.remoteservices.testsupport.Lifecycle;
import org.remoteservices.testsupport.TestUsers;
import org.remoteservices.testsupport.TestUsers.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Least privilege through the engine REST API and the webapps, with real HTTP calls: each group sees and does
 * what it needs and nothing of another group's work.
 *
 * <p>Another group's work is represented by {@link #OTHER_GROUPS_PROCESSES} (process definition key and the
 * candidate group of its user task). The privacy-request process joins as one line when it lands, e.g.
 * {@code new Foreign("privacy-request", Groups.PRIVACY_OFFICERS)}; until then a stand-in process with a privacy
 * officers' task is deployed by the test.
 */
class AuthorizationTest extends IntegrationTest {
  record Foreign(String processKey, String candidateGroup) {}

  static final String STAND_IN = "securityTestPrivacyStandIn";

  /** Processes whose instances and tasks a technician must never reach. */
  static final List<Foreign> OTHER_GROUPS_PROCESSES = List.of(
      new Foreign(STAND_IN, Groups.PRIVACY_OFFICERS),
      new Foreign(RemoteSupportProcess.RecordingRetention.KEY, null));

  @LocalServerPort int port;
  @Autowired TestUsers users;
  @Autowired Lifecycle lifecycle;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired AuthorizationService authorizations;
  @Autowired AuthorizationBootstrap bootstrap;

  Http http;
  Deployment standIn;
  String supportRequestId;
  String technicianTaskId;

  @BeforeEach
  void lifecycleAtWorkOrderWithARecordingAndAPrivacyTask() {
    http = new Http(port);
    standIn = repository.createDeployment().name("security test stand-in")
        .addModelInstance(STAND_IN + ".bpmn", Bpmn.createExecutableProcess(STAND_IN).camundaHistoryTimeToLive(1)
            .startEvent().userTask("userTask_privacyWork").name("Privacy work").camundaCandidateGroups(Groups.PRIVACY_OFFICERS)
            .endEvent().done())
        .deploy();
    runtime.startProcessInstanceByKey(STAND_IN, "privacy-case-1");

    Job job = lifecycle.newJob();
    supportRequestId = lifecycle.submit(job, "Iso Lation", "iso@example.org");
    runDueJobs();
    lifecycle.signRssvOnline(supportRequestId, "Iso Lation");
    lifecycle.acceptAndSchedule(supportRequestId);
    lifecycle.recordOutcome(supportRequestId, "2026-12-01T14:30Z", "2026-12-01T15:10Z", true, null);
    runDueJobs();
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(RemoteSupportProcess.RecordingRetention.KEY)
        .processInstanceBusinessKeyLike("%").count()).isPositive();
    technicianTaskId = lifecycle.task(supportRequestId).getId();
  }

  @AfterEach
  void removeStandIn() {
    repository.deleteDeployment(standIn.getId(), true);
  }

  private List<String> ids(Http.Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return StreamSupport.stream(response.json().spliterator(), false).map(n -> n.get("id").asText()).toList();
  }

  private List<ProcessInstance> foreignInstances() {
    List<ProcessInstance> out = new ArrayList<>();
    for (Foreign f : OTHER_GROUPS_PROCESSES) {
      List<ProcessInstance> found = runtime.createProcessInstanceQuery().processDefinitionKey(f.processKey()).list();
      assertThat(found).as("instances of " + f.processKey() + " for the test").isNotEmpty();
      out.addAll(found);
    }
    return out;
  }

  @Test
  void technicianReachesRemoteSupportTasksAndNothingElse() {
    TestUsers.Login tech = users.login(Role.TECHNICIAN);

    // the own work: listed, its form readable (Tasklist), and completable
    assertThat(ids(http.get("/engine-rest/task").as(tech).send())).contains(technicianTaskId);
    assertThat(http.get("/engine-rest/task/" + technicianTaskId + "/deployed-form").as(tech).send().status()).isEqualTo(200);

    // other groups' tasks: not listed, not readable, not completable
    for (Foreign f : OTHER_GROUPS_PROCESSES) {
      for (var task : tasks.createTaskQuery().processDefinitionKey(f.processKey()).list()) {
        assertThat(ids(http.get("/engine-rest/task").as(tech).send())).doesNotContain(task.getId());
        assertThat(http.get("/engine-rest/task/" + task.getId()).as(tech).send().status()).isIn(403, 404);
        assertThat(http.get("/engine-rest/task/" + task.getId() + "/variables").as(tech).send().status()).isIn(403, 404);
        assertThat(http.post("/engine-rest/task/" + task.getId() + "/submit-form").as(tech).json("{\"variables\":{}}").send().status())
            .isIn(403, 404);
        assertThat(http.post("/engine-rest/task/" + task.getId() + "/claim").as(tech).json("{\"userId\":\"sectechnician\"}").send().status())
            .isIn(403, 404);
        assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult()).as("still open").isNotNull();
      }
    }

    // no process instance, no history, no variables: not of other groups, not even of remote-support
    List<ProcessInstance> foreign = foreignInstances();
    assertThat(ids(http.get("/engine-rest/process-instance").as(tech).send())).isEmpty();
    assertThat(ids(http.get("/engine-rest/history/process-instance").as(tech).send())).isEmpty();
    assertThat(ids(http.get("/engine-rest/history/task").as(tech).send())).isEmpty();
    assertThat(ids(http.get("/engine-rest/history/variable-instance").as(tech).send())).isEmpty();
    assertThat(ids(http.get("/engine-rest/deployment").as(tech).send())).isEmpty();
    for (ProcessInstance instance : foreign) {
      assertThat(http.get("/engine-rest/process-instance/" + instance.getId()).as(tech).send().status()).isIn(403, 404);
      assertThat(http.get("/engine-rest/process-instance/" + instance.getId() + "/variables").as(tech).send().status()).isIn(403, 404);
    }
    String remoteSupportInstance = lifecycle.instance(supportRequestId).getId();
    assertThat(http.get("/engine-rest/process-instance/" + remoteSupportInstance + "/variables").as(tech).send().status()).isIn(403, 404);

    // cannot start anything, cannot administer
    for (String key : List.of(RemoteSupportProcess.KEY, RemoteSupportProcess.RecordingRetention.KEY, STAND_IN)) {
      assertThat(http.post("/engine-rest/process-definition/key/" + key + "/start").as(tech).json("{}").send().status())
          .as("start " + key).isIn(403, 404);
    }
    long instances = runtime.createProcessInstanceQuery().count();
    assertThat(http.post("/engine-rest/user/create").as(tech)
        .json("{\"profile\":{\"id\":\"intruder\"},\"credentials\":{\"password\":\"x-Intruder-1\"}}").send().status()).isEqualTo(403);
    assertThat(http.put("/engine-rest/group/" + Groups.ADMINS + "/members/sectechnician").as(tech).json("{}").send().status()).isIn(403, 404);
    assertThat(http.get("/engine-rest/authorization").as(tech).send().json()).isEmpty();
    assertThat(identity.createUserQuery().userId("intruder").count()).isZero();
    assertThat(identity.createUserQuery().memberOfGroup(Groups.ADMINS).userId("sectechnician").count()).isZero();
    assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(instances);
  }

  @Test
  void privacyOfficerSeesPrivacyTasksButNoRemoteSupportTask() {
    TestUsers.Login officer = users.login(Role.PRIVACY_OFFICER);
    String privacyTask = tasks.createTaskQuery().processDefinitionKey(STAND_IN).singleResult().getId();
    List<String> visible = ids(http.get("/engine-rest/task").as(officer).send());
    assertThat(visible).contains(privacyTask).doesNotContain(technicianTaskId);
    assertThat(http.post("/engine-rest/task/" + technicianTaskId + "/submit-form").as(officer).json("{\"variables\":{}}").send().status())
        .isIn(403, 404);
    assertThat(ids(http.get("/engine-rest/process-instance").as(officer).send())).isEmpty();
  }

  @Test
  void operatorSeesEveryInstanceButNeitherWorksTasksNorStartsOrDeploys() {
    TestUsers.Login operator = users.login(Role.OPERATOR);
    List<String> instances = ids(http.get("/engine-rest/process-instance").as(operator).send());
    assertThat(instances).contains(lifecycle.instance(supportRequestId).getId());
    assertThat(instances).containsAll(foreignInstances().stream().map(ProcessInstance::getId).toList());
    assertThat(http.get("/engine-rest/process-instance/" + lifecycle.instance(supportRequestId).getId() + "/variables").as(operator).send().status())
        .isEqualTo(200);
    assertThat(ids(http.get("/engine-rest/history/process-instance").as(operator).send())).isNotEmpty();
    assertThat(http.get("/engine-rest/incident").as(operator).send().status()).isEqualTo(200);
    assertThat(ids(http.get("/engine-rest/task").as(operator).send())).contains(technicianTaskId);

    assertThat(http.post("/engine-rest/task/" + technicianTaskId + "/submit-form").as(operator)
        .json("{\"variables\":{\"input_workSummary\":{\"value\":\"x\"},\"input_actionsTaken\":{\"value\":\"y\"}}}").send().status())
        .isEqualTo(403);
    assertThat(http.post("/engine-rest/process-definition/key/" + RemoteSupportProcess.KEY + "/start").as(operator).json("{}").send().status())
        .isEqualTo(403);
    assertThat(http.post("/engine-rest/deployment/create").as(operator)
        .multipart("data", "evil.bpmn", "application/octet-stream", "<x/>".getBytes(StandardCharsets.UTF_8)).send().status())
        .isEqualTo(403);
    assertThat(tasks.createTaskQuery().taskId(technicianTaskId).singleResult()).isNotNull();
  }

  /** Candidate groups get READ and TASK_WORK on their tasks (claim, complete), not Camunda's default UPDATE. */
  @Test
  void aCandidateGroupMayWorkItsTaskButNotUpdateIt() {
    Authorization grant = authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(technicianTaskId)
        .groupIdIn(Groups.TECHNICIANS).singleResult();
    assertThat(grant.isPermissionGranted(Permissions.READ)).isTrue();
    assertThat(grant.isPermissionGranted(Permissions.TASK_WORK)).isTrue();
    assertThat(grant.isPermissionGranted(Permissions.UPDATE)).isFalse();
  }

  /** The bootstrap converges: a grant widened by hand, and a task grant from before TASK_WORK, are tightened at start. */
  @Test
  void grantsConvergeAtStart() {
    Authorization operators = authorizations.createAuthorizationQuery().resourceType(Resources.PROCESS_DEFINITION).resourceId("*")
        .groupIdIn(Groups.OPERATORS).singleResult();
    operators.addPermission(ProcessDefinitionPermissions.UPDATE_INSTANCE);
    operators.addPermission(ProcessDefinitionPermissions.DELETE_INSTANCE);
    authorizations.saveAuthorization(operators);
    Authorization task = authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(technicianTaskId)
        .groupIdIn(Groups.TECHNICIANS).singleResult();
    task.removePermission(Permissions.TASK_WORK);
    task.addPermission(Permissions.UPDATE); // what Camunda granted candidate groups by default
    authorizations.saveAuthorization(task);

    bootstrap.bootstrap();

    Authorization operatorsNow = authorizations.createAuthorizationQuery().resourceType(Resources.PROCESS_DEFINITION).resourceId("*")
        .groupIdIn(Groups.OPERATORS).singleResult();
    assertThat(operatorsNow.isPermissionGranted(ProcessDefinitionPermissions.UPDATE_INSTANCE)).isFalse();
    assertThat(operatorsNow.isPermissionGranted(ProcessDefinitionPermissions.DELETE_INSTANCE)).isFalse();
    assertThat(operatorsNow.isPermissionGranted(ProcessDefinitionPermissions.RETRY_JOB)).isTrue();
    Authorization taskNow = authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(technicianTaskId)
        .groupIdIn(Groups.TECHNICIANS).singleResult();
    assertThat(taskNow.isPermissionGranted(Permissions.UPDATE)).isFalse();
    assertThat(taskNow.isPermissionGranted(Permissions.TASK_WORK)).isTrue();
    assertThat(taskNow.isPermissionGranted(Permissions.READ)).isTrue();
    Authorization adminsOnTasks = authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId("*")
        .groupIdIn(Groups.ADMINS).singleResult();
    assertThat(adminsOnTasks.isPermissionGranted(Permissions.UPDATE)).as("administrators keep everything").isTrue();
  }

  @Test
  void adminSeesEverything() {
    TestUsers.Login admin = users.login(Role.ADMIN);
    assertThat(ids(http.get("/engine-rest/process-instance").as(admin).send())).contains(lifecycle.instance(supportRequestId).getId());
    assertThat(ids(http.get("/engine-rest/task").as(admin).send())).contains(technicianTaskId);
    assertThat(http.get("/engine-rest/user").as(admin).send().json().size()).isPositive();
  }

  @Test
  void webappLoginsFollowTheGroups() {
    Map<Role, List<String>> allowed = Map.of(
        Role.TECHNICIAN, List.of("tasklist"),
        Role.PRIVACY_OFFICER, List.of("tasklist"),
        Role.OPERATOR, List.of("tasklist", "cockpit"),
        Role.PROCESS_ADMIN, List.of("tasklist", "cockpit"),
        Role.ADMIN, List.of("tasklist", "cockpit", "admin"));
    allowed.forEach((role, apps) -> {
      for (String app : List.of("tasklist", "cockpit", "admin")) {
        int status = webappLogin(users.login(role), app);
        if (apps.contains(app)) {
          assertThat(status).as(role + " logs into " + app).isEqualTo(200);
        } else {
          assertThat(status).as(role + " refused by " + app).isIn(401, 403);
        }
      }
    });
    assertThat(webappLogin(users.login(Role.WRONG_PASSWORD), "tasklist")).isIn(401, 403);
  }

  @Test
  void nobodyCanCreateTheFirstAdministratorThroughTheSetupPage() {
    Http.Response response = http.post("/camunda/api/admin/setup/default/user/create")
        .json("{\"profile\":{\"id\":\"squatter\",\"firstName\":\"S\",\"lastName\":\"Q\",\"email\":\"s@q.example\"},"
            + "\"credentials\":{\"password\":\"Squatter-2026\"}}")
        .send();
    assertThat(response.status()).isEqualTo(403);
    assertThat(identity.createUserQuery().userId("squatter").count()).isZero();
  }

  /** Logs into a Camunda webapp as its login page does (form POST), with the webapp's CSRF cookie and header. */
  private int webappLogin(TestUsers.Login login, String app) {
    Http.Response page = http.get("/camunda/app/" + app + "/default/").send();
    String cookie = String.join("; ", page.headers().allValues("Set-Cookie").stream().map(c -> c.split(";", 2)[0]).toList());
    String xsrf = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("XSRF-TOKEN="))
        .map(c -> c.substring("XSRF-TOKEN=".length()).split(";", 2)[0]).findFirst().orElse("");
    String form = "username=" + URLEncoder.encode(login.user(), StandardCharsets.UTF_8)
        + "&password=" + URLEncoder.encode(login.password(), StandardCharsets.UTF_8);
    Http.Call call = http.post("/camunda/api/admin/auth/user/default/login/" + app)
        .body("application/x-www-form-urlencoded", form.getBytes(StandardCharsets.UTF_8))
        .header("X-XSRF-TOKEN", xsrf);
    if (!cookie.isEmpty()) {
      call.header("Cookie", cookie);
    }
    Http.Response response = call.send();
    if (response.status() == 200) {
      JsonNode body = response.json();
      assertThat(body.get("userId").asText()).isEqualTo(login.user());
    }
    return response.status();
  }
}
