package org.remoteservices.support.adapter.camunda;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.remoteservices.shared.process.FormInput;
import org.remoteservices.support.adapter.camunda.RemoteSupportProcess.Fields;
import org.remoteservices.support.adapter.camunda.RemoteSupportProcess.Vars;
import org.remoteservices.support.application.SessionService;
import org.remoteservices.support.domain.SupportFileCategory;
import org.springframework.stereotype.Component;

/**
 * "Run remote session and record outcome" completes: start/end (end after start), resolved, follow-up (when
 * not resolved), notes, the recording (uploaded before, or a reference now: one of them is required, every
 * session is recorded), and the support-file categories collected.
 */
@Component
public class RecordSessionOutcomeListener implements TaskListener {
  private static final List<String> CATEGORIES = Arrays.stream(SupportFileCategory.values()).map(Enum::name).toList();

  private final SessionService sessions;

  public RecordSessionOutcomeListener(SessionService sessions) {
    this.sessions = sessions;
  }

  @Override
  public void notify(DelegateTask task) {
    String requestId = task.getExecution().getProcessBusinessKey();
    FormInput form = FormInput.of(task, RemoteSupportProcess.Vars.ALL);
    java.time.ZoneId site = sessions.siteZone(requestId);
    Instant startedAt = form.requiredInstantIn(Fields.STARTED_AT, site);
    Instant endedAt = form.requiredInstantIn(Fields.ENDED_AT, site);
    Boolean resolved = form.requiredBoolean(Vars.SESSION_RESOLVED.name());
    Boolean followUp = Boolean.FALSE;
    if (Boolean.FALSE.equals(resolved)) {
      followUp = form.requiredBoolean(Vars.FOLLOW_UP_SESSION.name());
    }
    String notes = form.requiredText(Fields.SESSION_NOTES, 4000);
    String recordingReference = form.optionalText(Fields.RECORDING_REFERENCE, 500);
    List<String> supportFiles = form.optionalChoices(Fields.SUPPORT_FILES, CATEGORIES);
    if (startedAt != null && endedAt != null && !endedAt.isAfter(startedAt)) {
      form.reject(Fields.ENDED_AT, "must be after the session started: please check both times");
    }
    if (recordingReference == null && !sessions.hasRecording(requestId)) {
      form.reject(Fields.RECORDING_REFERENCE, "is required unless the recording file was uploaded on the case page: please enter the GoTo Rescue session id or archive path, or upload the file");
    }
    form.validate();
    Vars.FOLLOW_UP_SESSION.on(task, followUp);
    sessions.recordOutcome(requestId, startedAt, endedAt, resolved, followUp, notes, recordingReference,
        supportFiles.stream().map(SupportFileCategory::valueOf).toList());
    form.clear();
  }
}
