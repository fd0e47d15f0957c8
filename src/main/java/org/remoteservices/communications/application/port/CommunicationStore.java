package org.remoteservices.communications.application.port;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.remoteservices.communications.domain.Communication;
import org.remoteservices.communications.domain.ContactChoice;
import org.remoteservices.communications.domain.Progress;
import org.remoteservices.communications.domain.Recipient;
import org.remoteservices.communications.domain.SkipReason;

/** The communications' tables; implemented in adapter.db. */
public interface CommunicationStore {
  void insert(Communication communication);

  Optional<Communication> find(String id);

  void updateStatus(String id, Communication.Status status);

  /** Adds recipients at their positions (the primary key communication + e-mail: nobody is in one communication twice). Returns how many. */
  int addRecipients(String communicationId, List<Recipient> recipients);

  /** Which of these addresses already have a row in this communication (selected or, while the selection runs, skipped). */
  java.util.Set<String> alreadyIn(String communicationId, Collection<String> emails);

  /** Removes the selection's SKIPPED marker rows (they exist only inside the selection's transaction). */
  int deleteSkippedMarkers(String communicationId);

  void addSkips(String communicationId, Map<SkipReason, Integer> skipped);

  int recipientCount(String communicationId);

  /** The recipients at positions [from, to). */
  List<Recipient> recipients(String communicationId, int from, int to);

  Optional<Recipient> recipient(String communicationId, int position);

  /** PENDING (or an earlier run's CLAIMED) becomes CLAIMED, in a transaction of its own; false when it is already done. */
  boolean claim(String communicationId, int position);

  /** Sets the outcome, in a transaction of its own (progress is visible while the chunk runs). */
  void mark(String communicationId, int position, Recipient.Status status);

  /** Sets the outcome in the caller's transaction (the call tasks: created in the same transaction as the rows). */
  void setStatus(String communicationId, int position, Recipient.Status status);

  Progress progress(String communicationId);

  /** Whether this address already received a notice change of this version. */
  boolean noticeChangeSent(String noticeVersion, String email, String exceptCommunicationId);

  /** Whether the reminder of this job's warranty ending on this date was started. */
  boolean warrantyReminderStarted(String jobNumber, java.time.LocalDate warrantyUntil);

  /** The idempotency record of a warranty-expiry reminder (primary key job and date: a second insert fails). */
  void insertWarrantyReminder(org.remoteservices.communications.domain.WarrantyReminder reminder);

  /** The warranty reminder this communication is, if it is one. */
  Optional<org.remoteservices.communications.domain.WarrantyReminder> warrantyReminderOf(String communicationId);

  void insertChoice(ContactChoice choice);

  /** Notes on this choice that the opt-out preference signal conflicted with it and won. */
  void noteOptOutSignal(String choiceId, String note);

  /** The person's intake choices, newest first. */
  List<ContactChoice> choicesOf(String email);

  /** Choices of these addresses, newest first, by address (one query for a page of people). */
  Map<String, List<ContactChoice>> choicesOf(Collection<String> emails);

  // the subject-data provider's part
  List<String> choiceIds(Collection<String> emails, Collection<String> supportRequestIds);

  List<String> recipientKeys(Collection<String> emails);

  List<Map<String, Object>> describeChoices(Collection<String> ids);

  List<Map<String, Object>> describeRecipients(Collection<String> keys);

  int deleteChoices(Collection<String> ids);

  int deleteRecipients(Collection<String> keys);

  int rectifyEmail(Collection<String> choiceIds, Collection<String> recipientKeys, String email);
}
