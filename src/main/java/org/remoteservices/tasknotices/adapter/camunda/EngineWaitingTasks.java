package org.remoteservices.tasknotices.adapter.camunda;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.remoteservices.shared.process.AsTheApplication;
import org.remoteservices.tasknotices.application.port.WaitingTasks;
import org.remoteservices.tasknotices.domain.WaitingTask;
import org.springframework.stereotype.Component;

/**
 * Open tasks as the task mails see them, read as the application (a Tasklist user's own authorizations do not limit
 * whom the application tells). The name is the model's name of the step (the task's own name also carries the job's
 * name); the case reference is the {@code caseNumber} variable, or the RS-/PR- number in the task's name.
 */
@Component
public class EngineWaitingTasks implements WaitingTasks {
  private static final Pattern REFERENCE = Pattern.compile("\\b(RS|PR)-\\d{6,}\\b");
  private static final int LIMIT = 500;

  private final TaskService taskService;
  private final RepositoryService repository;
  private final IdentityService identity;
  private final org.camunda.bpm.engine.RuntimeService runtime;
  private final org.camunda.bpm.engine.impl.interceptor.CommandExecutor commands;

  public EngineWaitingTasks(TaskService taskService, RepositoryService repository, IdentityService identity,
      org.camunda.bpm.engine.RuntimeService runtime, org.camunda.bpm.engine.ProcessEngine engine) {
    this.runtime = runtime;
    this.commands = ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired();
    this.taskService = taskService;
    this.repository = repository;
    this.identity = identity;
  }

  @Override
  public Optional<WaitingTask> open(String taskId) {
    return AsTheApplication.run(identity, () -> Optional.ofNullable(taskService.createTaskQuery().taskId(taskId).singleResult())
        .flatMap(this::view));
  }

  @Override
  public List<WaitingTask> createdSince(Instant since) {
    return list(taskService.createTaskQuery().withCandidateGroups().taskCreatedAfter(Date.from(since.minusMillis(1))));
  }

  @Override
  public List<WaitingTask> dueBetween(Instant from, Instant to) {
    return list(taskService.createTaskQuery().withCandidateGroups().dueAfter(Date.from(from.minusMillis(1))).dueBefore(Date.from(to)));
  }

  private List<WaitingTask> list(TaskQuery query) {
    return AsTheApplication.run(identity, () -> query.orderByTaskCreateTime().asc().listPage(0, LIMIT).stream()
        .map(this::view).flatMap(Optional::stream).toList());
  }

  /**
   * The task as the mails show it, or empty when it has no candidate group or is done already: a technician may
   * complete a task before its mail's thread reads it. The task and its candidate groups are read in one engine
   * command, which finds nothing for a completed task: {@code TaskService.getIdentityLinksForTask} would throw for it,
   * and the engine logs every such exception as an ERROR with its stack trace (the benchmark showed them).
   */
  private Optional<WaitingTask> view(Task task) {
    List<String> groups = commands.execute(context -> {
      org.camunda.bpm.engine.impl.persistence.entity.TaskEntity current = context.getTaskManager().findTaskById(task.getId());
      return current == null ? List.<String>of() : current.getIdentityLinks().stream()
          .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null).map(l -> l.getGroupId()).distinct().toList();
    });
    if (groups.isEmpty()) {
      return Optional.empty();
    }
    String reference = null;
    if (task.getProcessInstanceId() != null) {
      org.camunda.bpm.engine.runtime.VariableInstance caseNumber = runtime.createVariableInstanceQuery()
          .processInstanceIdIn(task.getProcessInstanceId()).variableName("caseNumber").disableBinaryFetching().list().stream().findFirst()
          .orElse(null);
      reference = caseNumber != null && caseNumber.getValue() instanceof String s && !s.isBlank() ? s : null;
    }
    if (reference == null && task.getName() != null) {
      Matcher m = REFERENCE.matcher(task.getName());
      reference = m.find() ? m.group() : null;
    }
    String path = reference == null ? null : (reference.startsWith("RS-") ? "/staff/cases/" : "/staff/privacy-requests/") + reference;
    return Optional.of(new WaitingTask(task.getId(), stepName(task), reference, path, instant(task.getCreateTime()), instant(task.getDueDate()),
        instant(task.getFollowUpDate()), groups));
  }

  private String stepName(Task task) {
    if (task.getProcessDefinitionId() != null && task.getTaskDefinitionKey() != null) {
      FlowElement element = repository.getBpmnModelInstance(task.getProcessDefinitionId()).getModelElementById(task.getTaskDefinitionKey());
      if (element != null && element.getName() != null && !element.getName().isBlank()) {
        return element.getName().strip();
      }
    }
    return task.getName() == null ? "Task" : task.getName();
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }
}
