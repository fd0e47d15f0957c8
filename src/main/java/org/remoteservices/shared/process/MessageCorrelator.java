package org.remoteservices.shared.process;

import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Execution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Correlates a message by business key only when exactly one execution of the process waits for it (Rücker's
 * rule): none waiting means the instance is between steps or over, more than one means the model or the data is
 * wrong; both are answered, never thrown as the engine's "no/multiple executions" error.
 */
@Component
public class MessageCorrelator {
  private static final Logger LOG = LoggerFactory.getLogger(MessageCorrelator.class);

  /** What happened to a message. */
  public enum Outcome {
    /** Exactly one execution waited and received it. */
    CORRELATED,
    /** Nothing of that process and business key waits for this message now. */
    NOT_WAITING,
    /** More than one execution waits for it; nothing was correlated, an operator has to look. */
    AMBIGUOUS;

    public boolean correlated() {
      return this == CORRELATED;
    }
  }

  private final RuntimeService runtime;

  public MessageCorrelator(RuntimeService runtime) {
    this.runtime = runtime;
  }

  public Outcome correlate(String processKey, String message, String businessKey) {
    List<Execution> waiting = runtime.createExecutionQuery()
        .processDefinitionKey(processKey)
        .processInstanceBusinessKey(businessKey)
        .messageEventSubscriptionName(message)
        .listPage(0, 2);
    if (waiting.isEmpty()) {
      return Outcome.NOT_WAITING;
    }
    if (waiting.size() > 1) {
      LOG.warn("message {} not correlated: more than one execution of {} with business key {} waits for it", message, processKey, businessKey);
      return Outcome.AMBIGUOUS;
    }
    // to exactly the instance that waits: the message name alone could reach another process's subscription
    runtime.createMessageCorrelation(message).processInstanceId(waiting.get(0).getProcessInstanceId()).correlate();
    return Outcome.CORRELATED;
  }
}
