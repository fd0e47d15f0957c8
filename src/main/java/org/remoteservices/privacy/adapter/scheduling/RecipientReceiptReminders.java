package org.remoteservices.privacy.adapter.scheduling;

import org.remoteservices.privacy.application.RecipientReceipts;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Once a day: recipients who have not confirmed an Art. 19 notice a week after it went out get one reminder. */
@Component
public class RecipientReceiptReminders {
  private final RecipientReceipts receipts;

  public RecipientReceiptReminders(RecipientReceipts receipts) {
    this.receipts = receipts;
  }

  @Scheduled(fixedDelayString = "PT24H", initialDelayString = "PT5M")
  public void run() {
    receipts.remindUnanswered();
  }
}
