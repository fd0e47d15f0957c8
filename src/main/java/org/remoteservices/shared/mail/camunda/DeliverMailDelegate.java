package org.remoteservices.shared.mail.camunda;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.remoteservices.shared.mail.MailOutbox;
import org.springframework.stereotype.Component;

/**
 * {@code serviceTask_deliverMail}: delivers the one mail the instance is about (business key = mail record id) through
 * the outbox. Fails with a readable message, without addresses, while the SMTP server cannot take it; a mail sent
 * meanwhile, or erased, ends the instance without sending anything.
 */
@Component("deliverMailDelegate")
public class DeliverMailDelegate implements JavaDelegate {
  private final MailOutbox outbox;

  public DeliverMailDelegate(MailOutbox outbox) {
    this.outbox = outbox;
  }

  @Override
  public void execute(DelegateExecution execution) {
    outbox.deliverByProcess(execution.getProcessBusinessKey());
  }
}
