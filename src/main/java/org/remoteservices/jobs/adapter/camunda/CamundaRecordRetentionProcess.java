package org.remoteservices.jobs.adapter.camunda;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.remoteservices.jobs.application.port.RecordRetentionProcessPort;
import org.remoteservices.shared.process.MessageCorrelator;
import org.remoteservices.shared.process.AsTheApplication;
import org.springframework.stereotype.Component;

/**
 * Starts and correlates {@code record-retention} instances (business key = job number) and sets the removal time of the
 * history of a job's cases. These are the system's own bookkeeping, done for whichever operator changed a date: they run
 * without the caller's engine authorizations (an operator may read instances in Cockpit, not start or correlate them).
 */
@Component
public class CamundaRecordRetentionProcess implements RecordRetentionProcessPort {
  private final RuntimeService runtime;
  private final HistoryService history;
  private final MessageCorrelator correlator;
  private final IdentityService identity;

  public CamundaRecordRetentionProcess(RuntimeService runtime, HistoryService history, MessageCorrelator correlator,
      IdentityService identity) {
    this.runtime = runtime;
    this.history = history;
    this.correlator = correlator;
    this.identity = identity;
  }

  @Override
  public void start(String jobNumber) {
    AsTheApplication.run(identity, () -> runtime.startProcessInstanceByKey(RecordRetentionProcess.KEY, jobNumber));
  }

  @Override
  public boolean isRunning(String jobNumber) {
    return AsTheApplication.run(identity, () -> runtime.createProcessInstanceQuery().processDefinitionKey(RecordRetentionProcess.KEY)
        .processInstanceBusinessKey(jobNumber).count() > 0);
  }

  @Override
  public DateChange obsolescenceDateChanged(String jobNumber) {
    return AsTheApplication.run(identity, () -> {
      MessageCorrelator.Outcome outcome = correlator.correlate(RecordRetentionProcess.KEY,
          RecordRetentionProcess.MESSAGE_OBSOLESCENCE_DATE_CHANGED, jobNumber);
      if (outcome.correlated()) {
        return DateChange.MOVED;
      }
      return isRunning(jobNumber) ? DateChange.BUSY : DateChange.NOT_RUNNING;
    });
  }

  @Override
  public void removeHistoryAt(Collection<String> processInstanceIds, Instant removalTime, boolean stopRunning) {
    if (processInstanceIds.isEmpty()) {
      return;
    }
    AsTheApplication.run(identity, () -> {
      List<String> ids = new ArrayList<>(processInstanceIds);
      if (stopRunning) {
        runtime.deleteProcessInstancesIfExists(ids, "case records destroyed at the end of their retention", true, true, true);
      } else {
        ids = history.createHistoricProcessInstanceQuery().processInstanceIds(new java.util.HashSet<>(ids)).finished().list().stream()
            .map(HistoricProcessInstance::getId).toList();
      }
      if (!ids.isEmpty()) {
        history.setRemovalTimeToHistoricProcessInstances().absoluteRemovalTime(Date.from(removalTime)).byIds(ids.toArray(String[]::new))
            .hierarchical().executeAsync();
      }
      return null;
    });
  }

}
