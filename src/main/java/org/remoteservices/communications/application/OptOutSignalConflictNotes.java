package org.remoteservices.communications.application;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.remoteservices.communications.application.port.CommunicationStore;
import org.remoteservices.communications.domain.ContactChoice;
import org.remoteservices.privacy.api.ContactPermissions;
import org.remoteservices.privacy.api.OptOutSignalConflicts;
import org.remoteservices.shared.time.TimeSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The choice the opt-out preference signal can conflict with here: a standing marketing consent. Its wording covers
 * "information about Lutron and third-party products", a business-specific setting a person can read as letting us use
 * their details with third parties (CCPA regulations 7025(c)(3)). When the newest intake (this very request included)
 * ticked the box and the consent is not withdrawn, unsubscribed, objected to or restricted, the signal wins: the opt-out
 * of sale and sharing is recorded (by the caller), the conflict is noted on that choice ({@code contact_choice.gpc_note})
 * and, when that consent was given in the very request carrying the signal, the note goes back in its answer (an earlier
 * consent is not told to whoever sends a request: they may not be the person; it shows in the access report). The
 * marketing consent itself stays: it is a different choice (our own mail).
 */
@Service
public class OptOutSignalConflictNotes implements OptOutSignalConflicts {
  private final CommunicationStore store;
  private final ContactPermissions permissions;
  private final TimeSource time;

  public OptOutSignalConflictNotes(CommunicationStore store, ContactPermissions permissions, TimeSource time) {
    this.store = store;
    this.permissions = permissions;
    this.time = time;
  }

  @Override
  @Transactional
  public Optional<String> noteConflict(String email, String supportRequestId) {
    String address = RecipientSelection.normal(email);
    List<ContactChoice> choices = store.choicesOf(address);
    if (choices.isEmpty() || !choices.get(0).marketingConsent()) {
      return Optional.empty(); // never consented, or the newest intake left the box unticked
    }
    if (permissions.refusal(address, ContactPermissions.Use.MARKETING).isPresent()) {
      return Optional.empty(); // withdrawn, unsubscribed, objected or restricted: nothing standing to conflict with
    }
    ContactChoice consent = choices.get(0);
    boolean thisRequest = supportRequestId != null && supportRequestId.equals(consent.supportRequestId());
    String note = note(thisRequest ? null : LocalDate.ofInstant(consent.recordedAt(), TimeSource.ZONE), time.today());
    store.noteOptOutSignal(consent.id(), note);
    // only the request's own choice is told in its answer: who sent it may not be who consented earlier
    return thisRequest ? Optional.of(note) : Optional.empty();
  }

  /** The note: on the consent given in this request ({@code given} null) or on an earlier one. */
  static String note(LocalDate given, LocalDate signalled) {
    String which = given == null ? "you gave in this request" : "given on " + given;
    return "Your opt-out preference signal conflicts with the consent to marketing about Lutron and third-party products " + which
        + ". The signal wins: since " + signalled + " we do not sell or share your personal information, also not for "
        + "third-party marketing. Our own marketing mail continues until you unsubscribe or withdraw that consent.";
  }
}
