package org.remoteservices.bench;

import java.util.ArrayList;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Benchmark-only engine plugin (profile {@code bench}): tells {@link BenchSignals} when a user task exists or an
 * instance waits at an event-based gateway (after commit), and counts optimistic-locking conflicts of every
 * outermost engine command (API calls and jobs alike).
 */
@Component
@Profile("bench")
public class BenchEngineHooks extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreBPMNParseListeners() == null) {
      configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPreBPMNParseListeners().add(new SignalParseListener());
    if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
    }
    configuration.getCustomPreCommandInterceptorsTxRequired().add(new ConflictCounter());
  }

  static final class SignalParseListener extends AbstractBpmnParseListener {
    @Override
    public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
      ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
          .addTaskListener(TaskListener.EVENTNAME_CREATE, (DelegateTask task) -> afterCommit(
              task.getExecution().getProcessBusinessKey(), task.getTaskDefinitionKey(), task.getId()));
    }

    @Override
    public void parseEventBasedGateway(Element element, ScopeImpl scope, ActivityImpl activity) {
      activity.addListener(ExecutionListener.EVENTNAME_START, (DelegateExecution execution) -> afterCommit(
          execution.getProcessBusinessKey(), execution.getCurrentActivityId(), null));
    }

    /**
     * Where an async step's time goes (issue 14 part B): from the job's creation (inside the transaction that
     * created it) to its start on a job thread (the creator's commit, acquisition, the job executor's queue), and from
     * its start to its commit (the step's own work and commit). Recorded into the measured phase's samples.
     */
    @Override
    public void parseServiceTask(Element element, ScopeImpl scope, ActivityImpl activity) {
      if (!activity.isAsyncBefore()) {
        return;
      }
      String step = activity.getId().replace("serviceTask_", "");
      activity.addListener(ExecutionListener.EVENTNAME_START, (DelegateExecution execution) -> {
        Samples probe = BenchSignals.probe;
        org.camunda.bpm.engine.impl.jobexecutor.JobExecutorContext jobs = Context.getJobExecutorContext();
        if (probe == null || jobs == null || jobs.getCurrentJob() == null || jobs.getCurrentJob().getCreateTime() == null) {
          return;
        }
        long started = System.nanoTime();
        long waitedMs = System.currentTimeMillis() - jobs.getCurrentJob().getCreateTime().getTime();
        probe.add("job " + step + ": created -> started on a job thread", Math.max(0, waitedMs) * 1_000_000L);
        Context.getCommandContext().getTransactionContext()
            .addTransactionListener(TransactionState.COMMITTED, ctx -> probe.add("job " + step + ": started -> committed", System.nanoTime() - started));
      });
    }

    private static void afterCommit(String businessKey, String elementId, String taskId) {
      Context.getCommandContext().getTransactionContext()
          .addTransactionListener(TransactionState.COMMITTED, ctx -> BenchSignals.emit(businessKey, elementId, taskId));
    }
  }

  /** Counts OptimisticLockingExceptions leaving an outermost command (nested commands are not counted twice). */
  static final class ConflictCounter extends CommandInterceptor {
    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    @Override
    public <T> T execute(Command<T> command) {
      int[] depth = DEPTH.get();
      depth[0]++;
      try {
        return next.execute(command);
      } catch (RuntimeException e) {
        if (depth[0] == 1 && isConflict(e)) {
          BenchSignals.CONFLICTS.incrementAndGet();
        }
        throw e;
      } finally {
        depth[0]--;
      }
    }

    private static boolean isConflict(Throwable t) {
      for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
        if (c instanceof OptimisticLockingException) {
          return true;
        }
      }
      return false;
    }
  }
}
