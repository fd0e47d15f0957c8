package org.remoteservices.support.adapter.camunda;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.remoteservices.support.adapter.camunda.RemoteSupportProcess.Vars;
import org.springframework.stereotype.Component;

/**
 * A user task that decides (its gateway reads the decision) is created: the decision of an earlier round of the
 * same task is removed, so the one the gateway reads comes from this task's own completion. Without it, a task
 * reached again (the RSSV rejected and returned anew, a follow-up session) completed without the decision, e.g.
 * through {@code /engine-rest/task/{id}/complete}, would be judged by the old value; now its complete listener
 * refuses it ("rssvAccepted is required", 400) and the task stays open.
 */
@Component
public class ClearEarlierDecisionsListener implements TaskListener {
  @Override
  public void notify(DelegateTask task) {
    List<String> decisions = Vars.DECISIONS_BY_TASK.get(task.getTaskDefinitionKey());
    if (decisions == null) {
      throw new IllegalStateException("no decisions are listed for task " + task.getTaskDefinitionKey()
          + " in RemoteSupportProcess.Vars.DECISIONS_BY_TASK");
    }
    decisions.forEach(task::removeVariable);
  }
}
