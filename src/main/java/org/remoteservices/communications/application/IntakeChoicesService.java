package org.remoteservices.communications.application;

import java.util.Locale;
import java.util.UUID;
import org.remoteservices.communications.api.IntakeChoices;
import org.remoteservices.communications.application.port.CommunicationStore;
import org.remoteservices.communications.domain.ContactChoice;
import org.remoteservices.shared.time.TimeSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records each intake's marketing consent (time, source, wording version) and country. */
@Service
public class IntakeChoicesService implements IntakeChoices {
  private final CommunicationStore store;
  private final TimeSource time;

  public IntakeChoicesService(CommunicationStore store, TimeSource time) {
    this.store = store;
    this.time = time;
  }

  @Override
  @Transactional
  public void record(String supportRequestId, String email, boolean marketingConsent, String country, String source, boolean optOutSignal) {
    store.insertChoice(new ContactChoice(UUID.randomUUID().toString(), supportRequestId, email.strip().toLowerCase(Locale.ROOT),
        country == null ? null : country.toUpperCase(Locale.ROOT), marketingConsent, CONSENT_WORDING_VERSION, source, optOutSignal, time.now()));
  }
}
