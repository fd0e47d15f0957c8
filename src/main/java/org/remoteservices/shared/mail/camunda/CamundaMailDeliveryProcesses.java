package org.remoteservices.shared.mail.camunda;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.remoteservices.shared.mail.MailDeliveryProcesses;
import org.remoteservices.shared.process.AsTheApplication;
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
    AsTheApplication.run(identity, () -> runtime.startProcessInstanceByKey(MailDeliveryProcess.KEY, mailRecordId));
  }

  @Override
  public boolean isRunning(String mailRecordId) {
    return AsTheApplication.run(identity, () -> runtime.createProcessInstanceQuery().processDefinitionKey(MailDeliveryProcess.KEY)
        .processInstanceBusinessKey(mailRecordId).count() > 0);
  }

}
