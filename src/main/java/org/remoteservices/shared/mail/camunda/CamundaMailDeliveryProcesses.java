package org.remoteservices.shared.mail.camunda;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.remoteservices.shared.mail.MailDeliveryProcesses;
import org.springframework.stereotype.Component;

/**
 * Starts and looks up {@code mail-delivery} instances. The sweeper's own bookkeeping: it runs without any caller's
 * engine authorizations (operators may read and retry these instances in Cockpit, not start them).
 */
@Component
public class CamundaMailDeliveryProcesses implements MailDeliveryProcesses {
  private final RuntimeService runtime;
  private final IdentityService identity;

  public CamundaMailDeliveryProcesses(RuntimeService runtime, IdentityService identity) {
    this.runtime = runtime;
    this.identity = identity;
  }

  @Override
  public void start(String mailRecordId) {
    asSystem(() -> runtime.startProcessInstanceByKey(MailDeliveryProcess.KEY, mailRecordId));
  }

  @Override
  public boolean isRunning(String mailRecordId) {
    return asSystem(() -> runtime.createProcessInstanceQuery().processDefinitionKey(MailDeliveryProcess.KEY)
        .processInstanceBusinessKey(mailRecordId).count() > 0);
  }

  private <T> T asSystem(Supplier<T> work) {
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return work.get();
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }
}
