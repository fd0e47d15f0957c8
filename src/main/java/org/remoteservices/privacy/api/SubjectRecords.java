package org.remoteservices.privacy.api;

import java.util.List;

/**
 * What one provider holds about a subject: the ids of its records, the files they own in the file store, and
 * the process instances (running or finished) about them. Ids and keys only: this is written into the erasure
 * plan and read back by each erasure step.
 *
 * @param store the provider's {@link SubjectDataProvider#store()}
 * @param recordIds the provider's own record ids (a support request id, a job number, a mail id, ...)
 * @param matches the records that identify the subject, with what matched (empty for stores that only follow
 *     other stores' records)
 * @param fileKeys file-store keys that hold the subject's data and are not kept by a retention decision
 * @param processInstanceIds engine process instances about these records, to be stopped and their history erased
 */
public record SubjectRecords(String store, List<String> recordIds, List<SubjectMatch> matches, List<String> fileKeys,
    List<String> processInstanceIds) {
  public SubjectRecords {
    recordIds = List.copyOf(recordIds);
    matches = List.copyOf(matches);
    fileKeys = List.copyOf(fileKeys);
    processInstanceIds = List.copyOf(processInstanceIds);
  }

  public static SubjectRecords none(String store) {
    return new SubjectRecords(store, List.of(), List.of(), List.of(), List.of());
  }

  /** Records of a store that follows others' records: no matches, files or process instances of its own. */
  public static SubjectRecords of(String store, List<String> recordIds) {
    return new SubjectRecords(store, recordIds, List.of(), List.of(), List.of());
  }

  public boolean isEmpty() {
    return recordIds.isEmpty();
  }
}
