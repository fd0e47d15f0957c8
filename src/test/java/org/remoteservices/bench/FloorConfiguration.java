package org.remoteservices.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.remoteservices.shared.process.FormInput;
import org.remoteservices.shared.security.PublicEndpoint;
import org.remoteservices.support.adapter.camunda.RemoteSupportProcess;
import org.remoteservices.support.adapter.camunda.RemoteSupportProcess.Vars;
import org.remoteservices.support.application.port.RemoteSupportProcessPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The engine's floor (profile {@code bench-floor}): the same models, every delegate a no-op, every task listener
 * reduced to what the gateways need (the decision variables as booleans, the form input removed), the timer
 * beans answering from the clock instead of the domain. Same bean names, so the models bind to these.
 *
 * <p>What remains is the engine (jobs, history, tasks, correlation), the HTTP layer and the one domain insert of
 * POST /api/support-requests. "Schedule recording destruction" still starts one recording-retention instance,
 * as the real step does per recording: that is engine work the model implies, not ours. The create listener
 * {@code clearEarlierDecisionsListener} is the real one too: it only removes process variables, engine work the
 * model implies (and nothing at all when each task is reached once, as here).
 */
@Configuration(proxyBeanMethods = false)
@Profile("bench-floor")
public class FloorConfiguration {
  private static final JavaDelegate NO_OP = execution -> { };

  @Bean JavaDelegate generateRssvDelegate() { return NO_OP; }
  @Bean JavaDelegate mailRssvDelegate() { return NO_OP; }
  @Bean JavaDelegate mailRssvReminderDelegate() { return NO_OP; }
  @Bean JavaDelegate expireSupportRequestDelegate() { return NO_OP; }
  @Bean JavaDelegate mailRssvRejectionDelegate() { return NO_OP; }
  @Bean JavaDelegate mailSessionInvitationDelegate() { return NO_OP; }
  @Bean JavaDelegate generateWorkOrderDelegate() { return NO_OP; }
  @Bean JavaDelegate mailWorkOrderDelegate() { return NO_OP; }
  @Bean JavaDelegate closeSurveyDelegate() { return NO_OP; }
  @Bean JavaDelegate destroyRecordingDelegate() { return NO_OP; }

  @Bean JavaDelegate mailSurveyDelegate() {
    return execution -> execution.setVariable(Vars.SURVEY_SENT.name(), true);
  }

  @Bean JavaDelegate scheduleRecordingDestructionDelegate(RuntimeService runtime) {
    return execution -> runtime.startProcessInstanceByKey(RemoteSupportProcess.RecordingRetention.KEY,
        "recording-of-" + execution.getProcessBusinessKey());
  }

  @Bean TaskListener nameTaskAfterCaseListener() { return task -> { }; }
  @Bean TaskListener showAttachedRecordingListener() { return task -> task.setVariable(Vars.RECORDING_UPLOADED.name(), false); }
  @Bean TaskListener recordRssvDecisionListener() { return task -> decisions(task, Vars.RSSV_ACCEPTED.name()); }
  @Bean TaskListener scheduleSessionListener() { return FloorConfiguration::clear; }
  @Bean TaskListener documentWorkOrderListener() { return FloorConfiguration::clear; }
  @Bean TaskListener recordSessionOutcomeListener() {
    return task -> {
      task.setVariable(Vars.FOLLOW_UP_SESSION.name(), false);
      decisions(task, Vars.SESSION_RESOLVED.name());
    };
  }

  private static void decisions(DelegateTask task, String variable) {
    task.setVariable(variable, Boolean.valueOf(String.valueOf(task.getVariable(variable))));
    clear(task);
  }

  private static void clear(DelegateTask task) {
    FormInput.of(task).clear();
  }

  @Bean(name = "remoteSupportTimers") FloorTimers remoteSupportTimers() { return new FloorTimers(); }
  @Bean(name = "recordingTimers") FloorTimers recordingTimers() { return new FloorTimers(); }

  /** Due dates from the clock (the real ones read the domain rows the no-op delegates no longer write). */
  public static class FloorTimers {
    public Date rssvReminderAt(DelegateExecution execution) { return in(Duration.ofDays(3)); }
    public Date rssvExpiresAt(DelegateExecution execution) { return in(Duration.ofDays(14)); }
    public Date surveyExpiresAt(DelegateExecution execution) { return in(Duration.ofDays(30)); }
    public Date destroyAt(DelegateExecution execution) { return in(Duration.ofDays(180)); }

    private static Date in(Duration d) { return Date.from(Instant.now().plus(d)); }
  }

  /**
   * The floor's stand-in for the customer's two link clicks (no mails, so no tokens): correlate the message,
   * in one transaction, as the real services do after their own work.
   */
  @RestController
  @PublicEndpoint
  @Profile("bench-floor")
  public static class FloorCustomerController {
    private final RemoteSupportProcessPort process;
    private final TransactionTemplate tx;

    public FloorCustomerController(RemoteSupportProcessPort process, PlatformTransactionManager transactions) {
      this.process = process;
      this.tx = new TransactionTemplate(transactions);
    }

    @PostMapping("/bench/floor/{id}/rssv-returned")
    public ResponseEntity<Void> rssvReturned(@PathVariable String id) {
      return Boolean.TRUE.equals(tx.execute(s -> process.rssvReturned(id))) ? ResponseEntity.status(201).build() : ResponseEntity.status(409).build();
    }

    @PostMapping("/bench/floor/{id}/survey-answered")
    public ResponseEntity<Void> surveyAnswered(@PathVariable String id) {
      return Boolean.TRUE.equals(tx.execute(s -> process.surveyAnswered(id))) ? ResponseEntity.status(201).build() : ResponseEntity.status(409).build();
    }
  }
}
