package org.remoteservices.support.application.port;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The support tables as a privacy request needs them: every row about a set of support requests, found, read,
 * erased or corrected in one place (implemented in adapter.db). Everything is addressed by support request ids.
 */
public interface SubjectDataStore {
  /** A support request with the data points a privacy request is compared with. */
  record Candidate(String supportRequestId, long caseSeq, String jobNumber, String name, String email, String phone) {
    @Override
    public String toString() { // personal data
      return "Candidate[" + supportRequestId + ", personal data not shown]";
    }
  }

  /**
   * The support requests with this e-mail key or this phone key (either may be null): the only ones that can be a
   * subject's, both index lookups. Ordered by case number.
   */
  List<Candidate> candidates(String emailKey, String phoneKey);

  /** The file-store keys the requests' rows hold, by what holds them. */
  record Files(List<String> rssvForms, List<String> rssvReturns, List<String> recordings, List<String> supportFiles,
      List<String> workOrders) {
    public List<String> all() {
      return java.util.stream.Stream.of(rssvForms, rssvReturns, recordings, supportFiles, workOrders).flatMap(List::stream)
          .distinct().toList();
    }
  }

  Files files(Collection<String> supportRequestIds);

  /** Ids of the requests' recordings (the business keys of their recording-retention instances). */
  List<String> recordingIds(Collection<String> supportRequestIds);

  /** The data held, by category ("support_requests", "rssv_forms", ...), as rows of lower-case column name to value. */
  Map<String, List<Map<String, Object>>> describe(Collection<String> supportRequestIds);

  /** The jobs of these requests that were sent a work order, ordered by job number. */
  List<String> jobsSentWorkOrders(Collection<String> supportRequestIds);

  /** The jobs of these requests whose scheduling contact was invited to a remote session, ordered by job number. */
  default List<String> jobsInvitedToSessions(Collection<String> supportRequestIds) {
    return List.of();
  }

  /** Case numbers ("RS-000123") of the requests, in order. */
  List<String> caseNumbers(Collection<String> supportRequestIds);

  /** Ids of every support request about the job (the record-retention destruction), oldest first. */
  List<String> caseIdsOfJob(String jobNumber);

  /** The jobs of these requests (those still stored). */
  Set<String> jobsOf(Collection<String> supportRequestIds);

  /** Of these jobs, those that some other support request (not one of these) is about. */
  Set<String> jobsAlsoRequestedByOthers(Collection<String> jobNumbers, Collection<String> supportRequestIds);

  /** Ids of the requests' RSSV forms and surveys: besides the requests themselves, what their mailed links point at. */
  List<String> linkTargets(Collection<String> supportRequestIds);

  // ---------------------------------------------------------------- erasure: each returns the rows it deleted or changed

  int deleteSurveys(Collection<String> supportRequestIds);

  /** The record of staff downloads of the requests' files. */
  int deleteCaseFileDownloads(Collection<String> supportRequestIds);

  /** The recordings and their destruction records. */
  int deleteRecordings(Collection<String> supportRequestIds);

  int deleteSupportFiles(Collection<String> supportRequestIds);

  int deleteRssvReturns(Collection<String> supportRequestIds);

  int deleteRssvForms(Collection<String> supportRequestIds);

  int deleteWorkOrders(Collection<String> supportRequestIds);

  int deleteSessions(Collection<String> supportRequestIds);

  int deleteSupportRequests(Collection<String> supportRequestIds);

  /** Counts of the rows a retention decision may keep: "rssv_form", "rssv_return", "recording", "support_file", "work_order". */
  Map<String, Integer> counts(Collection<String> supportRequestIds);

  /** Pseudonymised rows of a kept record. */
  record Pseudonymised(int supportRequests, int sessions, int rssvReturns) {}

  /**
   * Keeps the requests but without the requester's data points ('erased', 'erased@invalid', 'erased', no lookup keys),
   * the sessions' notes and the signed copies' signer names. Rows already pseudonymised are not counted again.
   */
  Pseudonymised pseudonymise(Collection<String> supportRequestIds, Instant now);

  /** A correction of the requester's name, e-mail or phone (null: unchanged); the lookup keys follow. Returns the rows changed. */
  int rectify(Collection<String> supportRequestIds, String name, String email, String phone);

  /** The register entries (ids) that received support files of these requests (support_file_share). */
  List<String> registerEntriesSharedWith(Collection<String> supportRequestIds);

  int deleteSupportFileShares(Collection<String> supportRequestIds);
}
