package org.remoteservices.support.adapter.camunda;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.remoteservices.shared.process.MessageCorrelator;
import org.remoteservices.support.application.port.RemoteSupportProcessPort;
import org.springframework.stereotype.Component;

/**
 * Starts and correlates {@code remote-support} instances; correlation is by business key (the request id). Also
 * finds the instances (running or finished) about a data subject's requests and recordings.
 */
@Component
public class CamundaRemoteSupportProcess implements RemoteSupportProcessPort {
  private final RuntimeService runtime;
  private final HistoryService history;
  private final MessageCorrelator correlator;
  private final TaskService tasks;

  private final org.remoteservices.support.adapter.db.SupportRequestRepository requests;
  private final org.camunda.bpm.engine.IdentityService identity;

  public CamundaRemoteSupportProcess(RuntimeService runtime, HistoryService history, MessageCorrelator correlator, TaskService tasks,
      org.remoteservices.support.adapter.db.SupportRequestRepository requests, org.camunda.bpm.engine.IdentityService identity) {
    this.identity = identity;
    this.tasks = tasks;
    this.requests = requests;
    this.runtime = runtime;
    this.history = history;
    this.correlator = correlator;
  }

  @Override
  public void start(String supportRequestId) {
    java.util.Map<String, Object> variables = RemoteSupportProcess.Vars.SUPPORT_REQUEST_ID.into(new HashMap<>(), supportRequestId);
    requests.find(supportRequestId).ifPresent(request -> RemoteSupportProcess.Vars.CASE_NUMBER.into(variables, request.caseNumber()));
    runtime.startProcessInstanceByKey(RemoteSupportProcess.KEY, supportRequestId, variables);
  }

  @Override
  public void recordingAttached(String supportRequestId) {
    // as the application: the technician who uploaded may not read the instance through the engine's authorizations
    org.remoteservices.shared.process.AsTheApplication.run(identity, () -> {
      flagRecording(supportRequestId);
      return null;
    });
  }

  private void flagRecording(String supportRequestId) {
    runtime.createProcessInstanceQuery().processDefinitionKey(RemoteSupportProcess.KEY).processInstanceBusinessKey(supportRequestId).active()
        .list().forEach(instance -> runtime.setVariable(instance.getId(), RemoteSupportProcess.Vars.RECORDING_UPLOADED.name(), true));
  }

  @Override
  public boolean rssvReturned(String supportRequestId) {
    return correlate(RemoteSupportProcess.MESSAGE_RSSV_RETURNED, supportRequestId);
  }

  @Override
  public boolean surveyAnswered(String supportRequestId) {
    return correlate(RemoteSupportProcess.MESSAGE_SURVEY_ANSWERED, supportRequestId);
  }

  @Override
  public boolean isRunning(String supportRequestId) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(RemoteSupportProcess.KEY)
        .processInstanceBusinessKey(supportRequestId).count() > 0;
  }

  @Override
  public boolean hasOpenTaskFor(String supportRequestId, String candidateGroup) {
    return tasks.createTaskQuery().processDefinitionKey(RemoteSupportProcess.KEY).processInstanceBusinessKey(supportRequestId)
        .taskCandidateGroup(candidateGroup).includeAssignedTasks().active().count() > 0;
  }

  @Override
  public boolean privacyRestricted(String supportRequestId) {
    return correlate(RemoteSupportProcess.MESSAGE_PRIVACY_RESTRICTED, supportRequestId);
  }

  @Override
  public void startRecordingRetention(String recordingId) {
    // as the application: the uploading technician's engine rights (Tasklist session) do not include starting it
    org.remoteservices.shared.process.AsTheApplication.run(identity, () -> {
      startRetentionOnce(recordingId);
      return null;
    });
  }

  private void startRetentionOnce(String recordingId) {
    if (runtime.createProcessInstanceQuery().processDefinitionKey(RemoteSupportProcess.RecordingRetention.KEY)
        .processInstanceBusinessKey(recordingId).count() == 0) {
      runtime.startProcessInstanceByKey(RemoteSupportProcess.RecordingRetention.KEY, recordingId);
    }
  }

  @Override
  public List<String> processInstancesAbout(Collection<String> supportRequestIds, Collection<String> recordingIds) {
    List<String> ids = new ArrayList<>();
    if (!supportRequestIds.isEmpty()) {
      history.createHistoricProcessInstanceQuery().processDefinitionKey(RemoteSupportProcess.KEY)
          .processInstanceBusinessKeyIn(supportRequestIds.toArray(String[]::new)).list().stream().map(HistoricProcessInstance::getId)
          .forEach(ids::add);
    }
    if (!recordingIds.isEmpty()) {
      history.createHistoricProcessInstanceQuery().processDefinitionKey(RemoteSupportProcess.RecordingRetention.KEY)
          .processInstanceBusinessKeyIn(recordingIds.toArray(String[]::new)).list().stream().map(HistoricProcessInstance::getId)
          .forEach(ids::add);
    }
    return ids;
  }

  /** Correlates only when exactly one execution of the request's case waits for the message, so a late call cannot fail oddly. */
  private boolean correlate(String message, String supportRequestId) {
    return correlator.correlate(RemoteSupportProcess.KEY, message, supportRequestId).correlated();
  }
}
