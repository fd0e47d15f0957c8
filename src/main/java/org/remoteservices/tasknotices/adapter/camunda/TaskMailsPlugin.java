package org.remoteservices.tasknotices.adapter.camunda;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.remoteservices.tasknotices.application.TaskMailService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Gives every user task of every deployed model one more create listener (a BPMN parse listener, so no model has to
 * name it): a task with candidate groups, once the transaction that created it has committed, is handed to
 * {@link TaskMailService#taskWaiting} on a thread of its own (the mail goes out there, not in the step that created the
 * task: an unreachable mail server never fails that step, and a rolled-back step mails nobody). A node that stops
 * between the commit and the mail leaves it to the sweeper's catch-up.
 */
@Component
public class TaskMailsPlugin extends AbstractProcessEnginePlugin implements DisposableBean {
  private static final Logger LOG = LoggerFactory.getLogger(TaskMailsPlugin.class);

  private final ObjectProvider<TaskMailService> mails;
  private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "task-mails");
    t.setDaemon(true);
    return t;
  });

  public TaskMailsPlugin(ObjectProvider<TaskMailService> mails) {
    this.mails = mails;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
          behavior.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_CREATE, TaskMailsPlugin.this::created);
        }
      }
    });
    configuration.setCustomPostBPMNParseListeners(listeners);
  }

  void created(DelegateTask task) {
    boolean forGroups = task.getCandidates().stream().anyMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null);
    TaskMailService service = mails.getIfAvailable();
    if (!forGroups || service == null || !service.enabled()) {
      return;
    }
    String taskId = task.getId();
    Context.getCommandContext().getTransactionContext().addTransactionListener(TransactionState.COMMITTED,
        committed -> sender.execute(() -> {
          try {
            service.taskWaiting(taskId);
          } catch (RuntimeException e) {
            LOG.warn("task {}: the task mails failed ({}); the sweeper's catch-up sends them", taskId, e.toString());
          }
        }));
  }

  /** Waits (briefly) for the mails handed over but not yet sent, for tests and a clean shutdown. */
  public void drain() {
    try {
      sender.submit(() -> {}).get(30, java.util.concurrent.TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("task mails did not drain", e);
    }
  }

  @Override
  public void destroy() {
    sender.shutdown();
  }
}
