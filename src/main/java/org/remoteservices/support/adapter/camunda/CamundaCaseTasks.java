package org.remoteservices.support.adapter.camunda;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.remoteservices.support.application.port.CaseTasksPort;
import org.springframework.stereotype.Component;

/** The case's user tasks from the engine's history (running and finished instances alike). */
@Component
public class CamundaCaseTasks implements CaseTasksPort {
  private final HistoryService history;
  private final org.camunda.bpm.engine.IdentityService identity;

  public CamundaCaseTasks(HistoryService history, org.camunda.bpm.engine.IdentityService identity) {
    this.history = history;
    this.identity = identity;
  }

  @Override
  public List<CaseTask> tasksOf(String supportRequestId) {
    return org.remoteservices.shared.process.AsTheApplication.run(identity, () -> tasks(supportRequestId));
  }

  private List<CaseTask> tasks(String supportRequestId) {
    return history.createHistoricTaskInstanceQuery().processDefinitionKey(RemoteSupportProcess.KEY)
        .processInstanceBusinessKey(supportRequestId).orderByHistoricActivityInstanceStartTime().asc().list().stream()
        .map(this::task).toList();
  }

  private CaseTask task(HistoricTaskInstance t) {
    String group = history.createHistoricIdentityLinkLogQuery().taskId(t.getId()).type(IdentityLinkType.CANDIDATE).list().stream()
        .map(HistoricIdentityLinkLog::getGroupId).filter(g -> g != null).findFirst().orElse(null);
    return new CaseTask(t.getId(), t.getName(), group, t.getAssignee(), instant(t.getStartTime()), instant(t.getEndTime()),
        instant(t.getDueDate()), instant(t.getFollowUpDate()), t.getEndTime() == null);
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }
}
