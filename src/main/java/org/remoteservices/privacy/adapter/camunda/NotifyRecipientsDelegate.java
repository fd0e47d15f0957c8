package org.remoteservices.privacy.adapter.camunda;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.remoteservices.privacy.application.RecipientNoticeService;
import org.springframework.stereotype.Component;

/** Tell every recipient of the subject's data of the erasure, rectification or restriction (GDPR Art. 19). */
@Component
public class NotifyRecipientsDelegate implements JavaDelegate {
  private final RecipientNoticeService notices;

  public NotifyRecipientsDelegate(RecipientNoticeService notices) {
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notices.notifyRecipients(id(execution), right(execution));
  }

  private static String id(DelegateExecution execution) {
    return execution.getProcessBusinessKey();
  }

  private static org.remoteservices.privacy.domain.PrivacyRight right(DelegateExecution execution) {
    return PrivacyProcess.Vars.RIGHT.from(execution);
  }
}
