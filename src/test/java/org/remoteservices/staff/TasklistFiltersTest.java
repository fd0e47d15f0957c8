package org.remoteservices.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.remoteservices.shared.process.TasklistFilters;
import org.remoteservices.shared.security.Groups;
import org.remoteservices.support.adapter.camunda.RemoteSupportProcess;
import org.remoteservices.testsupport.IntegrationTest;
import org.remoteservices.testsupport.Lifecycle;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Tasklist filters made at start-up, run as a technician: their group's open tasks, due this week, overdue; and
 * remote-support tasks carry a follow-up date ("Run remote session": the session's start).
 */
class TasklistFiltersTest extends IntegrationTest {
  @Autowired FilterService filters;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired Lifecycle lifecycle;

  private final java.util.List<String> created = new java.util.ArrayList<>();

  @AfterEach
  void logOutAndCleanUp() {
    identity.clearAuthentication();
    created.forEach(id -> tasks.deleteTask(id, true)); // with their history: other tests count what a technician sees
    created.clear();
  }

  private Filter filter(String name) {
    return filters.createFilterQuery().filterName(name).singleResult();
  }

  private List<String> run(String name) {
    identity.setAuthentication("filter-tech", List.of(Groups.TECHNICIANS));
    try {
      return filters.<Task>list(filter(name).getId()).stream().map(Task::getName).toList();
    } finally {
      identity.clearAuthentication();
    }
  }

  private void task(String name, String group, Instant due) {
    Task task = tasks.newTask();
    task.setName(name);
    task.setDueDate(due == null ? null : Date.from(due));
    tasks.saveTask(task);
    created.add(task.getId());
    tasks.addCandidateGroup(task.getId(), group);
  }

  @Test
  void theThreeFiltersShowTheRightTasks() {
    assertThat(filters.createFilterQuery().list()).extracting(Filter::getName)
        .contains(TasklistFilters.MY_GROUPS, TasklistFilters.DUE_THIS_WEEK, TasklistFilters.OVERDUE);
    Instant now = Instant.now();
    task("filters: overdue", Groups.TECHNICIANS, now.minus(Duration.ofDays(1)));
    task("filters: due in three days", Groups.TECHNICIANS, now.plus(Duration.ofDays(3)));
    task("filters: due in a month", Groups.TECHNICIANS, now.plus(Duration.ofDays(30)));
    task("filters: another group's", Groups.PRIVACY_OFFICERS, now.minus(Duration.ofDays(1)));

    assertThat(run(TasklistFilters.MY_GROUPS)).contains("filters: overdue", "filters: due in three days", "filters: due in a month")
        .doesNotContain("filters: another group's");
    assertThat(run(TasklistFilters.DUE_THIS_WEEK)).contains("filters: overdue", "filters: due in three days")
        .doesNotContain("filters: due in a month", "filters: another group's");
    assertThat(run(TasklistFilters.OVERDUE)).contains("filters: overdue")
        .doesNotContain("filters: due in three days", "filters: due in a month", "filters: another group's");
  }

  @Test
  void remoteSupportTasksCarryAFollowUpDate() {
    String id = lifecycle.submit(lifecycle.newJob(), "Fay Followup", "fay-followup@example.com");
    runDueJobs();
    lifecycle.signRssvOnline(id, "Fay Followup");
    runDueJobs();
    Task check = lifecycle.task(id);
    assertThat(check.getFollowUpDate()).isNotNull();
    assertThat(check.getDescription()).contains("/staff/cases/RS-");
    lifecycle.acceptAndSchedule(id);
    Task run = lifecycle.task(id);
    assertThat(run.getTaskDefinitionKey()).isEqualTo(RemoteSupportProcess.Elements.RUN_SESSION);
    assertThat(run.getFollowUpDate().toInstant()).isEqualTo(Instant.parse("2026-12-01T14:30:00Z")); // the session's start
  }
}
