package org.remoteservices.privacy.application;

import java.util.List;
import java.util.Optional;
import org.remoteservices.privacy.api.ContactPermissions;
import org.remoteservices.privacy.api.OptOutSignalConflicts;
import org.springframework.beans.factory.ObjectProvider;
import org.remoteservices.privacy.application.port.PrivacyRecordStore;
import org.remoteservices.privacy.domain.PrivacyRight;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link ContactPermissions} from the subject's flags (the same flags {@link SubjectChoicesService} sets and honours).
 * Erased people are not asked about: their records, and with them their addresses, are gone.
 */
@Service
public class ContactPermissionsService implements ContactPermissions {
  private static final Logger LOG = LoggerFactory.getLogger(ContactPermissionsService.class);

  private final PrivacyRecordStore records;
  private final SubjectKeys keys;
  private final UnsubscribeService unsubscribe;
  private final ObjectProvider<OptOutSignalConflicts> conflicts;

  public ContactPermissionsService(PrivacyRecordStore records, SubjectKeys keys, UnsubscribeService unsubscribe,
      ObjectProvider<OptOutSignalConflicts> conflicts) {
    this.records = records;
    this.keys = keys;
    this.unsubscribe = unsubscribe;
    this.conflicts = conflicts;
  }

  @Override
  public UnsubscribeLinks unsubscribeLinks(String supportRequestId) {
    UnsubscribeService.Links links = unsubscribe.linksFor(supportRequestId);
    return new UnsubscribeLinks(links.page(), links.oneClick());
  }

  @Override
  public Optional<String> refusal(String email, Use use) {
    List<String> flags = records.flags(keys.of(email));
    if (use == Use.NOTICE_CHANGE) {
      return Optional.empty();
    }
    if (flags.contains(PrivacyRight.RESTRICTION.name())) {
      return Optional.of("RESTRICTED");
    }
    if (use == Use.SECURITY_NOTICE) {
      return Optional.empty();
    }
    if (flags.contains(PrivacyRight.OBJECTION.name())) {
      return Optional.of("OBJECTED");
    }
    if (use == Use.SERVICE_INFORMATION) {
      return Optional.empty();
    }
    if (flags.contains(PrivacyRight.WITHDRAW_CONSENT.name())) {
      return Optional.of("CONSENT_WITHDRAWN");
    }
    if (flags.contains(PrivacyRight.UNSUBSCRIBE_MARKETING.name())) {
      return Optional.of("UNSUBSCRIBED");
    }
    return Optional.empty();
  }

  @Override
  @Transactional
  public Optional<String> honorOptOutSignal(String email, String supportRequestId) {
    String key = keys.of(email);
    records.setFlag(key, PrivacyRight.OPT_OUT_OF_SALE.name(), null); // idempotent: an earlier opt-out stays as it was
    LOG.info("opt-out preference signal (Sec-GPC) honored: opt-out of sale and sharing recorded");
    // nothing here records an opt-in to sale or sharing; a conflicting choice (a standing marketing consent) is kept by
    // the feature that holds it, which notes it there: the signal has won already
    return conflicts.orderedStream().map(c -> c.noteConflict(email, supportRequestId)).toList().stream().flatMap(Optional::stream)
        .findFirst();
  }
}
