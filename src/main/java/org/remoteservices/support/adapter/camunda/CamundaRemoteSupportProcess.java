package org.remoteservices.support.adapter.camunda;

import java.util.HashMap;
import org.camunda.bpm.engine.RuntimeService;
import org.remoteservices.shared.process.MessageCorrelator;
import org.remoteservices.support.application.port.RemoteSupportProcessPort;
import org.springframework.stereotype.Component;

/** Starts and correlates {@code remote-support} instances; correlation is by business key (the request id). */
@Component
public class CamundaRemoteSupportProcess implements RemoteSupportProcessPort {
  private final RuntimeService runtime;
  private final MessageCorrelator correlator;

  public CamundaRemoteSupportProcess(RuntimeService runtime, MessageCorrelator correlator) {
    this.runtime = runtime;
    this.correlator = correlator;
  }

  @Override
  public void start(String supportRequestId) {
    runtime.startProcessInstanceByKey(RemoteSupportProcess.KEY, supportRequestId,
        RemoteSupportProcess.Vars.SUPPORT_REQUEST_ID.into(new HashMap<>(), supportRequestId));
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

  /** Correlates only when exactly one execution of the request's case waits for the message, so a late call cannot fail oddly. */
  private boolean correlate(String message, String supportRequestId) {
    return correlator.correlate(RemoteSupportProcess.KEY, message, supportRequestId).correlated();
  }
}
