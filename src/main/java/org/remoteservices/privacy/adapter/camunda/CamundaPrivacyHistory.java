package org.remoteservices.privacy.adapter.camunda;

import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.remoteservices.privacy.application.port.PrivacyHistoryPort;
import org.springframework.stereotype.Component;

/** The named steps of the request's process instances (the request's and its rights'), from the engine's history. */
@Component
public class CamundaPrivacyHistory implements PrivacyHistoryPort {
  private static final Set<String> SHOWN = Set.of("userTask", "serviceTask", "startEvent", "noneEndEvent", "intermediateTimer",
      "boundaryTimer", "intermediateMessageCatch", "boundaryMessage", "messageEndEvent", "sendTask", "callActivity");

  private final HistoryService history;
  private final org.camunda.bpm.engine.IdentityService identity;

  public CamundaPrivacyHistory(HistoryService history, org.camunda.bpm.engine.IdentityService identity) {
    this.history = history;
    this.identity = identity;
  }

  @Override
  public List<Step> stepsOf(String privacyRequestId) {
    return org.remoteservices.shared.process.AsTheApplication.run(identity, () -> steps(privacyRequestId));
  }

  private List<Step> steps(String privacyRequestId) {
    List<String> instances = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(privacyRequestId)
        .processDefinitionKeyIn(PrivacyProcess.KEY, PrivacyProcess.RIGHT_KEY).list().stream().map(HistoricProcessInstance::getId).toList();
    return instances.stream()
        .flatMap(id -> history.createHistoricActivityInstanceQuery().processInstanceId(id).list().stream())
        .filter(a -> a.getActivityName() != null && SHOWN.contains(a.getActivityType()))
        .sorted(Comparator.comparing(HistoricActivityInstance::getStartTime))
        .map(a -> new Step(a.getActivityName(), a.getActivityType(), instant(a.getStartTime()), instant(a.getEndTime()), a.getAssignee(),
            a.getTaskId()))
        .toList();
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }
}
