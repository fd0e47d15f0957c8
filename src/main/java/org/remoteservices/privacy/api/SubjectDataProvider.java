package org.remoteservices.privacy.api;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.remoteservices.shared.data.DataOwner;

/**
 * A store of personal data, as the privacy feature sees it. Every feature (and every shared store) that holds
 * personal data implements one: it owns its SQL and its process correlation; the privacy flows iterate over all
 * providers (Spring collects them, in {@code @Order}) and never name another feature's table. A new store joins
 * access, portability, erasure, rectification and restriction by adding one class and its {@link #tables()}
 * (every table it owns, with its columns and which of them hold personal data).
 *
 * <p>Providers are asked in order; each later provider sees the record ids and e-mail keys the earlier ones
 * found ({@link SubjectQuery#linkedRecordIds()}), so a store of references (mails about a support request) finds
 * the subject's rows through them.
 */
public interface SubjectDataProvider extends DataOwner {
  /**
   * The store's short name (at most 20 characters): the erasure plan and the tombstone count items under it
   * ({@code RECORDS} for the support cases, {@code MAILS} for mails on record, ...).
   */
  String store();

  /** Which erasure step erases this store's rows. */
  default ErasureStep erasureStep() {
    return ErasureStep.RECORDS;
  }

  /** The subject's records in this store (ids only). Files and process instances are listed whatever is retained. */
  SubjectRecords find(SubjectQuery query);

  /**
   * Every case record this store keeps about a job, whoever the subject (the {@code record-retention} destruction at the
   * job's system obsolescence + 10 years). Asked in provider order; {@code linkedRecordIds} are the record ids the earlier
   * providers found (the job's support requests), so a store of references (mails on record) finds its rows through them.
   * By default none: the registry, privacy requests and standing choices are no case records and follow their own rules.
   */
  default SubjectRecords findCaseRecordsOfJob(String jobNumber, Set<String> linkedRecordIds) {
    return SubjectRecords.none(store());
  }

  /**
   * File keys of these records that a retention decision does not keep: the file step deletes them. Files of a
   * kept category stay.
   */
  default List<String> filesToErase(SubjectRecords records, Set<RetentionCategory> retained) {
    return records.fileKeys();
  }

  /**
   * Process instances of these records to stop and erase: by default all of them. A store whose retained category
   * still needs a process (the retention timer that destroys a kept recording) leaves that one out.
   */
  default List<String> processInstancesToErase(SubjectRecords records, Set<RetentionCategory> retained) {
    return records.processInstanceIds();
  }

  /** The data held, by category, as rows of column name to value (the access report and the portable export). */
  Map<String, List<Map<String, Object>>> describe(SubjectRecords records);

  /** Who received the subject's data from this store (the access report; Art. 19 notices). */
  default List<Recipient> recipients(SubjectRecords records) {
    return List.of();
  }

  /** Readable references of these records, for mails to recipients (case numbers); never personal data. */
  default List<String> references(SubjectRecords records) {
    return List.of();
  }

  /**
   * Erases the records' rows (files and process instances are erased by their own steps). What a retained
   * category keeps is pseudonymised where the record must stay. Runs again after a failure: erasing what is
   * already gone does nothing.
   *
   * @param reason a readable reason for records that keep a trace ("erased (privacy request PR-000012)")
   */
  ErasureReceipt erase(SubjectRecords records, Set<RetentionCategory> retained, String reason);

  /** Applies a correction to the records; returns how many records changed. */
  default int rectify(SubjectRecords records, Rectification correction) {
    return 0;
  }

  /** Processing of the subject is restricted (or objected to): running work about these records is told. */
  default int restrict(SubjectRecords records) {
    return 0;
  }

  /**
   * The ids of the recipient-register entries that actually received these records' data (support files shared with a
   * contractor): the access report lists them beside the whole register, and Art. 19 notices go to them (with
   * {@link #recipients}). By default none: a processor of the register that received nothing is not told.
   */
  default List<String> registerEntriesThatReceived(SubjectRecords records) {
    return List.of();
  }

  /**
   * The subject's restriction was lifted (after the notice period): running work about these records does what it withheld
   * while on hold and is still due (an RSSV reminder). Returns how many records acted.
   */
  default int restrictionLifted(SubjectRecords records) {
    return 0;
  }
}
