package org.remoteservices.shared.process;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters every staff member sees (each group may read filters, AuthorizationBootstrap): created at
 * start-up when missing, by name, so an operator's edits in Tasklist stay. "My group's open tasks" (the tasks waiting
 * for one of my groups, claimed or not), "Due this week" (due within seven days, privacy tasks carry their statutory
 * due date), "Overdue" (past their due date).
 */
@Component
public class TasklistFilters {
  public static final String MY_GROUPS = "My group's open tasks";
  public static final String DUE_THIS_WEEK = "Due this week";
  public static final String OVERDUE = "Overdue";

  private final FilterService filters;
  private final TaskService tasks;

  public TasklistFilters(FilterService filters, TaskService tasks) {
    this.filters = filters;
    this.tasks = tasks;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(10) // after AuthorizationBootstrap
  public void create() {
    create(MY_GROUPS, -10, "The open tasks of your groups, claimed or not",
        tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks().orderByTaskCreateTime().asc());
    create(DUE_THIS_WEEK, -9, "Tasks due within the next seven days, the earliest first",
        tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
            .dueBeforeExpression("${dateTime().plusDays(7).toDate()}").orderByDueDate().asc());
    create(OVERDUE, -8, "Tasks past their due date: these come first",
        tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
            .dueBeforeExpression("${now()}").orderByDueDate().asc());
  }

  private void create(String name, int priority, String description, TaskQuery query) {
    if (filters.createFilterQuery().filterName(name).count() > 0) {
      return;
    }
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", description);
    properties.put("priority", priority);
    properties.put("refresh", true);
    properties.put("variables", List.of());
    Filter filter = filters.newTaskFilter(name).setQuery(query).setProperties(properties);
    filters.saveFilter(filter);
  }
}
