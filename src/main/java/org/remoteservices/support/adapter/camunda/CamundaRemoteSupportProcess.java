package org.remoteservices.support.adapter.camunda;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.remoteservices.support.application.port.RemoteSupportProcessPort;
import org.springframework.stereotype.Component;

/** Starts and correlates {@code remote-support} instances; correlation is by business key (the request id). */
@Component
public class CamundaRemoteSupportProcess implements RemoteSupportProcessPort {
  private final RuntimeService runtime;

  public CamundaRemoteSupportProcess(RuntimeService runtime) {
    this.runtime = runtime;
  }

  @Override
  public void start(String supportRequestId) {
    runtime.startProcessInstanceByKey(RemoteSupportProcess.KEY, supportRequestId,
        Map.of(RemoteSupportProcess.Vars.SUPPORT_REQUEST_ID, supportRequestId));
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

  /** Correlates only when exactly one instance waits for the message, so a late call cannot fail oddly. */
  private boolean correlate(String message, String businessKey) {
    long waiting = runtime.createExecutionQuery()
        .processDefinitionKey(RemoteSupportProcess.KEY)
        .processInstanceBusinessKey(businessKey)
        .messageEventSubscriptionName(message)
        .count();
    if (waiting == 0) {
      return false;
    }
    runtime.createMessageCorrelation(message).processInstanceBusinessKey(businessKey).correlate();
    return true;
  }

}
