package org.remoteservices.communications.adapter.camunda;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.remoteservices.communications.application.SalesCalls;
import org.springframework.stereotype.Component;

/** Names each call task (contact number and job, no personal data) and records the call as done when the task completes. */
@Component
public class SalesCallTaskListener implements TaskListener {
  private final SalesCalls calls;

  public SalesCallTaskListener(SalesCalls calls) {
    this.calls = calls;
  }

  @Override
  public void notify(DelegateTask task) {
    String id = CommunicationProcess.Vars.COMMUNICATION_ID.from(task.getExecution());
    int position = (Integer) task.getExecution().getVariable(CommunicationProcess.LOOP_COUNTER);
    if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
      task.setName(calls.taskCreated(id, position));
      task.setDescription("Open GET /api/communications/" + id + "/calls/" + position + " for whom to call.");
    } else if (TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
      calls.called(id, position);
    }
  }
}
