package org.remoteservices.support.application;

import java.time.Instant;
import org.remoteservices.support.application.port.RssvStore;
import org.remoteservices.support.domain.RssvForm;
import org.springframework.stereotype.Component;

/**
 * When the current round of an RSSV form's link is due for a reminder and when it expires: the configured times
 * after the round's link was mailed. The case's timers, the mails and the portal all read them here, so they agree.
 */
@Component
class RssvDeadlines {
  private final RssvStore forms;
  private final RemoteSupportPolicy policy;

  RssvDeadlines(RssvStore forms, RemoteSupportPolicy policy) {
    this.forms = forms;
    this.policy = policy;
  }

  Instant reminderAt(RssvForm form) {
    return roundStart(form).plus(policy.rssv().reminderAfter());
  }

  Instant expiresAt(RssvForm form) {
    return roundStart(form).plus(policy.rssv().expireAfter());
  }

  private Instant roundStart(RssvForm form) {
    Instant start = forms.currentRound(form.id()).startedAt();
    if (start == null) {
      throw new IllegalStateException("RSSV form " + form.id() + " has not been mailed yet");
    }
    return start;
  }
}
