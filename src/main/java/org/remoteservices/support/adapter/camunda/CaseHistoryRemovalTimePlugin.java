package org.remoteservices.support.adapter.camunda;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Optional;
import org.camunda.bpm.engine.impl.batch.history.HistoricBatchEntity;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.DefaultHistoryRemovalTimeProvider;
import org.camunda.bpm.engine.impl.history.HistoryRemovalTimeProvider;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionInstanceEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.remoteservices.jobs.api.JobDirectory;
import org.remoteservices.support.application.port.SessionStore;
import org.remoteservices.support.application.port.SupportRequestStore;
import org.remoteservices.support.domain.Recording;
import org.remoteservices.support.domain.SupportRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The history of a job's cases is removed when their records are (issue 11): a {@code remote-support} or
 * {@code recording-retention} instance that ends gets the removal time of its job's case records (the day after the
 * obsolescence date + 10 years, 00:00 UTC) instead of its end + the model's time to live. Every other model, and a case
 * whose job or request is gone, keeps the engine's calculation. The job's record-retention sets it again when the date
 * changes and when the records are destroyed. Synchronous, in the engine's own end-of-instance step: no batch per case.
 */
@Component
public class CaseHistoryRemovalTimePlugin extends AbstractProcessEnginePlugin {
  private final ObjectProvider<SupportRequestStore> requests;
  private final ObjectProvider<SessionStore> sessions;
  private final ObjectProvider<JobDirectory> jobs;

  public CaseHistoryRemovalTimePlugin(ObjectProvider<SupportRequestStore> requests, ObjectProvider<SessionStore> sessions,
      ObjectProvider<JobDirectory> jobs) {
    this.requests = requests;
    this.sessions = sessions;
    this.jobs = jobs;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setHistoryRemovalTimeProvider(new CaseRemovalTime());
  }

  Optional<Date> removalTimeOf(String processKey, String businessKey) {
    if (businessKey == null) {
      return Optional.empty();
    }
    Optional<String> supportRequestId;
    if (RemoteSupportProcess.KEY.equals(processKey)) {
      supportRequestId = Optional.of(businessKey);
    } else if (RemoteSupportProcess.RecordingRetention.KEY.equals(processKey)) {
      supportRequestId = sessions.getObject().recording(businessKey).map(Recording::supportRequestId);
    } else {
      return Optional.empty();
    }
    return supportRequestId.flatMap(id -> requests.getObject().find(id)).map(SupportRequest::jobNumber)
        .flatMap(jobNumber -> jobs.getObject().caseRecordsKeptUntil(jobNumber))
        .map((LocalDate last) -> Date.from(last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
  }

  private final class CaseRemovalTime implements HistoryRemovalTimeProvider {
    private final DefaultHistoryRemovalTimeProvider standard = new DefaultHistoryRemovalTimeProvider();

    @Override
    public Date calculateRemovalTime(HistoricProcessInstanceEventEntity root, ProcessDefinition definition) {
      Date calculated = standard.calculateRemovalTime(root, definition);
      if (calculated == null || definition == null) {
        return calculated; // still running (removal time strategy "end"), or no time to live
      }
      return removalTimeOf(definition.getKey(), root.getBusinessKey()).orElse(calculated);
    }

    @Override
    public Date calculateRemovalTime(HistoricDecisionInstanceEntity root, DecisionDefinition definition) {
      return standard.calculateRemovalTime(root, definition);
    }

    @Override
    public Date calculateRemovalTime(HistoricBatchEntity batch) {
      return standard.calculateRemovalTime(batch);
    }
  }
}
