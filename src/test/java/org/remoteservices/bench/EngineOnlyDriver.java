package org.remoteservices.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.FormService;
import org.camunda.spin.plugin.variable.SpinValues;
import org.remoteservices.support.adapter.camunda.RemoteSupportProcess.Elements;
import org.remoteservices.support.application.port.RemoteSupportProcessPort;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The engine-only floor: the floor's lifecycle (same models, no-op delegates, {@link FloorConfiguration}) driven
 * through the engine's Java API in the application's JVM: no HTTP, no web layer, no domain row for the request.
 * Start, the RSSV correlation once the instance waits, the four task forms (FormService, what submit-form calls),
 * the survey correlation. The job executor runs the async steps as in the other phases.
 */
final class EngineOnlyDriver implements Driver {
  static final String LIFECYCLE = "whole lifecycle, engine only (Java API)";

  private final RemoteSupportProcessPort process;
  private final FormService forms;
  private final TransactionTemplate tx;

  EngineOnlyDriver(AppUnderTest app) {
    this.process = app.bean(RemoteSupportProcessPort.class);
    this.forms = app.bean(FormService.class);
    this.tx = new TransactionTemplate(app.bean(PlatformTransactionManager.class));
  }

  @Override
  public void run(int n, Samples samples) throws Exception {
    String id = UUID.randomUUID().toString();
    long t0 = System.nanoTime();
    try {
      tx.executeWithoutResult(s -> process.start(id));
      BenchSignals.await(id, Elements.AWAIT_RSSV, LifecycleDriver.TIMEOUT_MS);
      correlated(tx.execute(s -> process.rssvReturned(id)), "rssv returned");
      submit(id, Elements.CHECK_RSSV, Map.of("rssvAccepted", true));
      submit(id, Elements.SCHEDULE_SESSION, Map.of("input_sessionStart", "2026-12-01T14:30:00Z", "input_sessionMinutes", 60));
      Map<String, Object> outcome = new LinkedHashMap<>();
      outcome.put("input_startedAt", "2026-12-01T14:30:00Z");
      outcome.put("input_endedAt", "2026-12-01T15:10:00Z");
      outcome.put("sessionResolved", true);
      outcome.put("input_sessionNotes", "Checked the processor event log; scene schedule reloaded");
      outcome.put("input_recordingReference", "GTR-" + n);
      outcome.put("input_supportFiles", SpinValues.jsonValue("[\"PROCESSOR_EVENT_LOG\",\"GUI_LOGS\"]").create());
      submit(id, Elements.RUN_SESSION, outcome);
      submit(id, Elements.DOCUMENT_WORK_ORDER, Map.of("input_workSummary", "Scene schedule repaired",
          "input_actionsTaken", "Reloaded the processor database"));
      BenchSignals.await(id, Elements.AWAIT_SURVEY, LifecycleDriver.TIMEOUT_MS);
      correlated(tx.execute(s -> process.surveyAnswered(id)), "survey answered");
      samples.add(LIFECYCLE, System.nanoTime() - t0);
    } finally {
      BenchSignals.forget(id);
    }
  }

  private void submit(String businessKey, String taskKey, Map<String, Object> variables) throws InterruptedException {
    String taskId = BenchSignals.await(businessKey, taskKey, LifecycleDriver.TIMEOUT_MS).taskId();
    forms.submitTaskForm(taskId, new LinkedHashMap<>(variables));
  }

  private static void correlated(Boolean done, String what) {
    if (!Boolean.TRUE.equals(done)) {
      throw new IllegalStateException(what + ": the instance was not waiting");
    }
  }
}
