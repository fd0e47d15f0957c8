package org.remoteservices.privacy.adapter.camunda;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.remoteservices.privacy.application.port.PrivacyProcessPort;
import org.remoteservices.shared.process.MessageCorrelator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Starts and correlates {@code privacy-request}; stops and erases the process instances the subject-data providers listed. */
@Component
public class CamundaPrivacyProcess implements PrivacyProcessPort {
  private static final Logger LOG = LoggerFactory.getLogger(CamundaPrivacyProcess.class);

  private final RuntimeService runtime;
  private final HistoryService history;
  private final org.camunda.bpm.engine.TaskService tasks;
  private final org.camunda.bpm.engine.ManagementService management;

  private final MessageCorrelator correlator;

  public CamundaPrivacyProcess(RuntimeService runtime, HistoryService history, org.camunda.bpm.engine.TaskService tasks,
      org.camunda.bpm.engine.ManagementService management, MessageCorrelator correlator) {
    this.correlator = correlator;
    this.runtime = runtime;
    this.history = history;
    this.tasks = tasks;
    this.management = management;
  }

  @Override
  public void start(String privacyRequestId, boolean verificationRequired, boolean erasureRequested) {
    Map<String, Object> vars = new HashMap<>();
    PrivacyProcess.Vars.PRIVACY_REQUEST_ID.into(vars, privacyRequestId);
    PrivacyProcess.Vars.VERIFICATION_REQUIRED.into(vars, verificationRequired);
    PrivacyProcess.Vars.ERASURE_REQUESTED.into(vars, erasureRequested);
    runtime.startProcessInstanceByKey(PrivacyProcess.KEY, privacyRequestId, vars);
  }

  @Override
  public void startRestrictionLift(String privacyRequestId) {
    Map<String, Object> vars = new HashMap<>();
    PrivacyProcess.Vars.PRIVACY_REQUEST_ID.into(vars, privacyRequestId);
    runtime.startProcessInstanceByKey(PrivacyProcess.RestrictionLift.KEY, privacyRequestId, vars);
  }

  @Override
  public boolean evidenceReceived(String privacyRequestId) {
    return correlator.correlate(PrivacyProcess.KEY, PrivacyProcess.MESSAGE_EVIDENCE_RECEIVED, privacyRequestId).correlated();
  }

  @Override
  public void verificationDeadlineMoved(String privacyRequestId, java.time.Instant newVerificationDeadline) {
    for (ProcessInstance instance : runtime.createProcessInstanceQuery().processDefinitionKey(PrivacyProcess.KEY)
        .processInstanceBusinessKey(privacyRequestId).list()) {
      management.createJobQuery().processInstanceId(instance.getId()).activityId(PrivacyProcess.Elements.VERIFICATION_DEADLINE).timers().list()
          .forEach(job -> management.setJobDuedate(job.getId(), java.util.Date.from(newVerificationDeadline)));
    }
  }

  @Override
  public int cancelProcessInstances(Collection<String> processInstanceIds, String reason) {
    if (processInstanceIds.isEmpty()) {
      return 0;
    }
    List<String> running = runtime.createProcessInstanceQuery().processInstanceIds(new HashSet<>(processInstanceIds)).list().stream()
        .map(ProcessInstance::getId).toList();
    if (!running.isEmpty()) {
      runtime.deleteProcessInstancesIfExists(running, reason, true, true, false);
    }
    return running.size();
  }

  @Override
  public void eraseProcessHistory(Collection<String> processInstanceIds) {
    if (processInstanceIds.isEmpty()) {
      return;
    }
    for (String id : processInstanceIds) {
      tasks.getProcessInstanceAttachments(id).forEach(a -> tasks.deleteAttachment(a.getId()));
    }
    history.deleteHistoricProcessInstancesIfExists(List.copyOf(processInstanceIds));
    int entries = 0;
    for (String id : processInstanceIds) {
      for (UserOperationLogEntry entry : history.createUserOperationLogQuery().processInstanceId(id).list()) {
        history.deleteUserOperationLogEntry(entry.getId());
        entries++;
      }
    }
    LOG.info("erased the history of {} process instance(s); {} operation log entries were left and are erased too", processInstanceIds.size(), entries);
  }
}
