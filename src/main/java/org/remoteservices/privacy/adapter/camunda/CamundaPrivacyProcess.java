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
import org.remoteservices.privacy.application.PrivacyProcessPort;
import org.remoteservices.support.adapter.camunda.RemoteSupportProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Starts and correlates {@code privacy-request}; tells remote-support of restrictions; erases engine data about a subject. */
@Component
public class CamundaPrivacyProcess implements PrivacyProcessPort {
  private static final Logger LOG = LoggerFactory.getLogger(CamundaPrivacyProcess.class);

  private final RuntimeService runtime;
  private final HistoryService history;
  private final org.camunda.bpm.engine.TaskService tasks;
  private final org.camunda.bpm.engine.ManagementService management;

  public CamundaPrivacyProcess(RuntimeService runtime, HistoryService history, org.camunda.bpm.engine.TaskService tasks,
      org.camunda.bpm.engine.ManagementService management) {
    this.runtime = runtime;
    this.history = history;
    this.tasks = tasks;
    this.management = management;
  }

  @Override
  public void start(String privacyRequestId, boolean verificationRequired, boolean erasureRequested) {
    Map<String, Object> vars = new HashMap<>();
    vars.put(PrivacyProcess.Vars.PRIVACY_REQUEST_ID, privacyRequestId);
    vars.put(PrivacyProcess.Vars.VERIFICATION_REQUIRED, verificationRequired);
    vars.put(PrivacyProcess.Vars.ERASURE_REQUESTED, erasureRequested);
    runtime.startProcessInstanceByKey(PrivacyProcess.KEY, privacyRequestId, vars);
  }

  @Override
  public boolean evidenceReceived(String privacyRequestId) {
    return correlate(PrivacyProcess.KEY, PrivacyProcess.MESSAGE_EVIDENCE_RECEIVED, privacyRequestId);
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
  public int tellRemoteSupportOfRestriction(Collection<String> supportRequestIds) {
    int told = 0;
    for (String id : supportRequestIds) {
      if (correlate(RemoteSupportProcess.KEY, RemoteSupportProcess.MESSAGE_PRIVACY_RESTRICTED, id)) {
        told++;
      }
    }
    return told;
  }

  @Override
  public List<String> processInstancesAbout(Collection<String> supportRequestIds, Collection<String> recordingIds) {
    List<String> ids = new ArrayList<>();
    if (!supportRequestIds.isEmpty()) {
      history.createHistoricProcessInstanceQuery().processDefinitionKey(RemoteSupportProcess.KEY)
          .processInstanceBusinessKeyIn(supportRequestIds.toArray(String[]::new)).list().stream().map(HistoricProcessInstance::getId).forEach(ids::add);
    }
    if (!recordingIds.isEmpty()) {
      history.createHistoricProcessInstanceQuery().processDefinitionKey(RemoteSupportProcess.RecordingRetention.KEY)
          .processInstanceBusinessKeyIn(recordingIds.toArray(String[]::new)).list().stream().map(HistoricProcessInstance::getId).forEach(ids::add);
    }
    return ids;
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

  /** Correlates only when an instance waits for the message, so a late call cannot fail oddly. */
  private boolean correlate(String processKey, String message, String businessKey) {
    long waiting = runtime.createExecutionQuery().processDefinitionKey(processKey).processInstanceBusinessKey(businessKey)
        .messageEventSubscriptionName(message).count();
    if (waiting == 0) {
      return false;
    }
    runtime.createMessageCorrelation(message).processInstanceBusinessKey(businessKey).correlateAll();
    return true;
  }
}
