package org.remoteservices.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.remoteservices.privacy.PrivacyTestSupport;
import org.remoteservices.shared.security.Groups;
import org.remoteservices.support.adapter.camunda.RemoteSupportProcess;
import org.remoteservices.support.domain.SupportRequest;
import org.remoteservices.tasknotices.adapter.camunda.TaskMailsPlugin;
import org.remoteservices.tasknotices.application.TaskMailService;
import org.remoteservices.testsupport.Http;
import org.remoteservices.testsupport.Mails.Mail;
import org.remoteservices.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * "A task waits for your group": the members of a task's candidate group with an e-mail address get one mail per task
 * (task, case number, dates, the Tasklist link; no customer data), not whoever switched them off; a task due soon is
 * mailed once more, once; each staff member switches their own mails on the staff page (login and form token needed).
 */
// the test calls the sweep itself: a scheduled one would mail the tasks of the other test classes, whose contexts share this
// in-memory database, while they count mail records
@TestPropertySource(properties = {"rso.task-mails.enabled=true", "rso.task-mails.sweep-interval=PT24H"})
class TaskMailsTest extends PrivacyTestSupport {
  private static final Pattern TOKEN = Pattern.compile("name=\"formToken\" value=\"([0-9a-f]+)\"");
  private static final String PASSWORD = "Tm-" + UUID.randomUUID();

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired TaskMailService taskMails;
  @Autowired TaskMailsPlugin plugin;
  @Autowired TestUsers users;
  @Autowired RepositoryService repository;

  String suffix;
  String alice;
  String bob;
  String carl;

  @BeforeEach
  void staff() {
    suffix = UUID.randomUUID().toString().substring(0, 6);
    alice = technician("tmalice" + suffix, "alice-" + suffix + "@staff.example.com");
    bob = technician("tmbob" + suffix, "bob-" + suffix + "@staff.example.com");
    carl = technician("tmcarl" + suffix, null);
    taskMails.switchMails(bob, false);
  }

  @AfterEach
  void leaveTheGroup() {
    // the next test's members only (the context is shared with nobody else: this class switches the mails on)
    for (String user : List.of(alice, bob, carl)) {
      identity.deleteMembership(user, Groups.TECHNICIANS);
    }
  }

  private String technician(String userId, String email) {
    User user = identity.newUser(userId);
    user.setFirstName("Task");
    user.setLastName("Mails");
    user.setEmail(email);
    user.setPassword(PASSWORD);
    identity.saveUser(user);
    identity.createMembership(userId, Groups.TECHNICIANS);
    return userId;
  }

  /** The task mails to {@code address} about {@code about} (a case number, a task name: other tests' tasks wait too). */
  private List<Mail> taskMailsTo(String address, String about) {
    plugin.drain();
    return mailsTo(address).stream().filter(m -> m.subject().startsWith("A task waits for your group") || m.subject().startsWith("Due "))
        .filter(m -> m.subject().contains(about)).toList();
  }

  @Test
  void everyMemberWithAnAddressIsMailedOnceWhenACaseTaskWaitsButNotWhoSwitchedItOff() {
    Subject s = subject("Hanna Taskmail");
    lifecycle.signRssvOnline(s.supportRequestId(), s.name());
    runDueJobs();
    Task task = lifecycle.task(s.supportRequestId());
    assertThat(task.getTaskDefinitionKey()).isEqualTo(RemoteSupportProcess.Elements.CHECK_RSSV);
    String number = SupportRequest.caseNumberOf(jdbc.sql("select case_seq from support_request where id = ?").param(s.supportRequestId())
        .query(Long.class).single());

    List<Mail> toAlice = taskMailsTo("alice-" + suffix + "@staff.example.com", number);
    assertThat(toAlice).hasSize(1);
    Mail mail = toAlice.get(0);
    assertThat(mail.to()).containsExactly("alice-" + suffix + "@staff.example.com");
    assertThat(mail.subject()).isEqualTo("A task waits for your group: Check returned RSSV (" + number + ")");
    assertThat(mail.body()).contains("Task: Check returned RSSV", "Case: " + number, "Groups: technicians", "Follow-up: ",
        "/camunda/app/tasklist/default/#/?task=" + task.getId(), "/staff/cases/" + number, "/staff/notifications");
    // no customer data: not the requester, nor the job's site
    assertThat(mail.subject() + mail.body()).doesNotContain(s.name(), s.email(), s.phone(), s.job().jobName(), s.job().siteContact().email());
    assertThat(taskMailsTo("bob-" + suffix + "@staff.example.com", number)).as("switched off").isEmpty();

    // the sweeper's catch-up and a second call (a rerun, another node) send nothing more
    taskMails.sweep();
    taskMails.taskWaiting(task.getId());
    assertThat(taskMailsTo("alice-" + suffix + "@staff.example.com", number)).hasSize(1);

    // the next task of the case is mailed as well, once
    lifecycle.acceptRssv(s.supportRequestId());
    assertThat(taskMailsTo("alice-" + suffix + "@staff.example.com", number)).extracting(Mail::subject)
        .containsExactly("A task waits for your group: Check returned RSSV (" + number + ")",
            "A task waits for your group: Schedule remote session (" + number + ")");
  }

  @Test
  void aTaskDueSoonIsMailedOnceMoreOnceBeforeItIsDue() {
    Instant now = Instant.now();
    ClockUtil.setCurrentTime(Date.from(now));
    Task task = tasks.newTask();
    task.setName("Call the customer back");
    task.setDueDate(Date.from(now.plus(Duration.ofDays(3))));
    tasks.saveTask(task);
    tasks.addCandidateGroup(task.getId(), Groups.TECHNICIANS);
    String address = "alice-" + suffix + "@staff.example.com";

    // a standalone task has no create listener of a model: the sweeper's catch-up mails it
    taskMails.sweep();
    assertThat(taskMailsTo(address, "Call the customer back")).extracting(Mail::subject).containsExactly("A task waits for your group: Call the customer back");

    ClockUtil.setCurrentTime(Date.from(now.plus(Duration.ofDays(1))));
    taskMails.sweep();
    assertThat(taskMailsTo(address, "Call the customer back")).as("two days before it is due: no reminder yet").hasSize(1);

    ClockUtil.setCurrentTime(Date.from(now.plus(Duration.ofHours(50))));
    taskMails.sweep();
    taskMails.sweep();
    List<Mail> mails = taskMailsTo(address, "Call the customer back");
    assertThat(mails).hasSize(2);
    assertThat(mails.get(1).subject()).startsWith("Due ").endsWith(": Call the customer back");
    assertThat(mails.get(1).body()).contains("due soon", "Due: ", "/camunda/app/tasklist/default/#/?task=" + task.getId());
    assertThat(taskMailsTo("bob-" + suffix + "@staff.example.com", "Call the customer back")).isEmpty();

    ClockUtil.setCurrentTime(Date.from(now.plus(Duration.ofHours(60))));
    taskMails.sweep();
    assertThat(taskMailsTo(address, "Call the customer back")).as("the reminder goes once").hasSize(2);
    tasks.deleteTask(task.getId(), true);
  }

  @Test
  void eachStaffMemberSwitchesTheirOwnMailsOnThePage() {
    Http http = new Http(port);
    assertThat(http.get("/staff/notifications").send().status()).as("no login").isEqualTo(401);
    assertThat(http.post("/staff/notifications").body("application/x-www-form-urlencoded", "taskMails=off".getBytes())
        .send().status()).as("no login").isEqualTo(401);

    Http.Response page = http.get("/staff/notifications").as(alice, PASSWORD).send();
    assertThat(page.status()).as(page.toString()).isEqualTo(200);
    assertThat(page.body()).contains("Task mails are on for " + alice, "alice-" + suffix + "@staff.example.com", "Switch task mails off");
    Matcher token = TOKEN.matcher(page.body());
    assertThat(token.find()).isTrue();

    Http.Response forged = http.post("/staff/notifications").as(alice, PASSWORD)
        .body("application/x-www-form-urlencoded", "taskMails=off".getBytes()).send();
    assertThat(forged.status()).as("without the page's form token").isEqualTo(403);
    assertThat(taskMails.mailsOn(alice)).isTrue();

    Http.Response off = http.post("/staff/notifications").as(alice, PASSWORD)
        .body("application/x-www-form-urlencoded", ("taskMails=off&formToken=" + token.group(1)).getBytes()).send();
    assertThat(off.status()).isEqualTo(302);
    assertThat(taskMails.mailsOn(alice)).isFalse();
    assertThat(taskMails.mailsOn(bob)).as("bob's own switch is untouched").isFalse();
    assertThat(http.get("/staff/notifications?notice=switched").as(alice, PASSWORD).send().body())
        .contains("Task mails are switched off", "Switch task mails on");

    Subject s = subject("Ivo Offswitch");
    lifecycle.signRssvOnline(s.supportRequestId(), s.name());
    runDueJobs();
    String number = SupportRequest.caseNumberOf(jdbc.sql("select case_seq from support_request where id = ?").param(s.supportRequestId())
        .query(Long.class).single());
    assertThat(taskMailsTo("alice-" + suffix + "@staff.example.com", number)).as("switched off on the page").isEmpty();

    Http.Response on = http.post("/staff/notifications").as(alice, PASSWORD)
        .body("application/x-www-form-urlencoded", ("taskMails=on&formToken=" + token.group(1)).getBytes()).send();
    assertThat(on.status()).isEqualTo(302);
    assertThat(taskMails.mailsOn(alice)).isTrue();
    lifecycle.acceptRssv(s.supportRequestId());
    assertThat(taskMailsTo("alice-" + suffix + "@staff.example.com", number)).extracting(Mail::subject)
        .containsExactly("A task waits for your group: Schedule remote session (" + number + ")");
  }

  /**
   * A task mail goes to whichever group a task waits for, and each mail links to the switch: every candidate group of
   * every deployed model (read from the models, so a new group fails here until the page lets it in) opens the page.
   */
  @Test
  void everyGroupATaskCanWaitForOpensTheSwitch() {
    java.util.Set<String> groups = new java.util.TreeSet<>();
    for (ProcessDefinition definition : repository.createProcessDefinitionQuery().latestVersion().list()) {
      for (UserTask task : repository.getBpmnModelInstance(definition.getId()).getModelElementsByType(UserTask.class)) {
        for (String group : task.getCamundaCandidateGroupsList()) {
          if (!group.contains("$")) {
            groups.add(group.strip());
          }
        }
      }
    }
    assertThat(groups).as("the models' candidate groups").contains(Groups.TECHNICIANS, Groups.PRIVACY_OFFICERS, Groups.SALES);
    Http http = new Http(port);
    for (String group : groups) {
      String member = "tm" + group.replaceAll("[^a-z]", "") + suffix;
      User user = identity.newUser(member);
      user.setEmail(member + "@staff.example.com");
      user.setPassword(PASSWORD);
      identity.saveUser(user);
      identity.createMembership(member, group);
      Http.Response page = http.get("/staff/notifications").as(member, PASSWORD).send();
      assertThat(page.status()).as(group + ": " + page).isEqualTo(200);
      assertThat(page.body()).contains("Task mails are on for " + member);
      identity.deleteMembership(member, group);
    }
  }
}
