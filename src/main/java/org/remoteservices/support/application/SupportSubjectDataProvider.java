package org.remoteservices.support.application;

import static org.remoteservices.shared.data.OwnedTable.table;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.remoteservices.jobs.api.Job;
import org.remoteservices.jobs.api.JobDirectory;
import org.remoteservices.privacy.api.DataPoint;
import org.remoteservices.privacy.api.ErasureReceipt;
import org.remoteservices.privacy.api.ErasureStep;
import org.remoteservices.privacy.api.Recipient;
import org.remoteservices.privacy.api.Rectification;
import org.remoteservices.privacy.api.RetentionCategory;
import org.remoteservices.privacy.api.SubjectDataProvider;
import org.remoteservices.privacy.api.SubjectMatch;
import org.remoteservices.privacy.api.SubjectQuery;
import org.remoteservices.privacy.api.SubjectRecords;
import org.remoteservices.privacy.api.TransferRegister;
import org.remoteservices.shared.data.OwnedTable;
import org.remoteservices.shared.lookup.LookupKeys;
import org.remoteservices.shared.time.TimeSource;
import org.remoteservices.shared.tokens.AccessTokens;
import org.remoteservices.support.application.port.RemoteSupportProcessPort;
import org.remoteservices.support.application.port.SubjectDataStore;
import org.remoteservices.support.application.port.SubjectDataStore.Candidate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The remote-support cases as a store of personal data: what the privacy feature finds, reports, erases,
 * corrects and restricts of a data subject in support's tables. A support request is the subject's when its
 * e-mail matches, or its name and phone both do; a shared job number or location alone never makes someone
 * else's request the subject's. Its record ids are support request ids.
 */
@Component
@Order(10)
public class SupportSubjectDataProvider implements SubjectDataProvider {
  public static final String STORE = "SUPPORT";
  private static final Logger LOG = LoggerFactory.getLogger(SupportSubjectDataProvider.class);

  private final SubjectDataStore store;
  private final JobDirectory jobs;
  private final RemoteSupportProcessPort process;
  private final AccessTokens tokens;
  private final TimeSource time;
  private final ObjectProvider<RssvService> rssv; // lazily: RssvService asks the privacy gates, which know this provider
  private final ObjectProvider<TransferRegister> register;

  public SupportSubjectDataProvider(SubjectDataStore store, JobDirectory jobs, RemoteSupportProcessPort process, AccessTokens tokens,
      TimeSource time, ObjectProvider<RssvService> rssv, ObjectProvider<TransferRegister> register) {
    this.register = register;
    this.rssv = rssv;
    this.store = store;
    this.jobs = jobs;
    this.process = process;
    this.tokens = tokens;
    this.time = time;
  }

  @Override
  public String store() {
    return STORE;
  }

  @Override
  public ErasureStep erasureStep() {
    return ErasureStep.RECORDS;
  }

  @Override
  public List<OwnedTable> tables() {
    return List.of(
        table("support_request", List.of("id", "case_seq", "job_number", "requester_name", "requester_email", "requester_phone", "status",
            "created_at", "updated_at", "requester_email_key", "requester_phone_key"),
            "requester_name", "requester_email", "requester_phone", "requester_email_key", "requester_phone_key"),
        table("rssv_form", List.of("id", "support_request_id", "reference_code", "pdf_file", "pdf_sha256", "status", "link_round",
            "round_started_at", "created_at", "updated_at")),
        table("rssv_return", List.of("id", "rssv_form_id", "method", "file_key", "sha256", "size_bytes", "signer_name", "returned_at",
            "decision", "rejection_reason", "decided_by", "decided_at", "content_warning"),
            "signer_name", "rejection_reason"),
        table("remote_session", List.of("id", "support_request_id", "scheduled_start", "scheduled_minutes", "started_at", "ended_at",
            "resolved", "follow_up", "notes", "status", "scheduled_by", "created_at"),
            "notes"),
        table("recording", List.of("id", "remote_session_id", "support_request_id", "kind", "file_key", "external_ref", "sha256",
            "size_bytes", "destroy_after", "destroyed_at", "created_at"),
            "external_ref"),
        table("recording_destruction", List.of("recording_id", "recorded_at", "destroyed_at", "file_sha256", "method", "confirmed_by",
            "deleted_at", "confirmation")),
        // a support file: uploaded (file_key) or a reference to a large file kept elsewhere (external_ref, like a recording's)
        table("support_file", List.of("id", "remote_session_id", "support_request_id", "category", "file_key", "sha256", "size_bytes",
            "collected_at", "retain_until", "source", "external_ref", "added_by"),
            "external_ref"),
        table("work_order", List.of("id", "support_request_id", "summary", "actions_taken", "recommendations", "pdf_file", "documented_by",
            "created_at", "sent_at"),
            "summary", "actions_taken", "recommendations"),
        table("survey", List.of("id", "support_request_id", "status", "rating", "comment_text", "created_at", "expires_at", "answered_at"),
            "comment_text"),
        // support files shared with a contractor of the register (what, to whom, when, by whom): in describe, erased with the files
        table("support_file_share", List.of("id", "share_id", "support_request_id", "support_file_id", "recipient_id", "recipient_name",
            "recipient_country", "transfer_safeguard", "shared_by", "shared_at")),
        // staff downloads of the case's files: staff ids and ids, none of the subject's data (not in describe); erased with the case
        table("case_file_download", List.of("id", "support_request_id", "file_kind", "file_id", "downloaded_by", "downloaded_at")));
  }

  // ---------------------------------------------------------------- finding

  @Override
  public SubjectRecords find(SubjectQuery query) {
    String emailKey = LookupKeys.email(query.emailKey());
    String phoneKey = LookupKeys.phone(query.phoneKey());
    List<String> ids = new ArrayList<>();
    List<SubjectMatch> matches = new ArrayList<>();
    Map<String, Optional<String>> locations = new HashMap<>();
    for (Candidate c : store.candidates(emailKey, phoneKey)) {
      boolean email = sameKey(LookupKeys.email(c.email()), emailKey);
      boolean name = LookupKeys.sameName(c.name(), query.name());
      boolean phone = sameKey(LookupKeys.phone(c.phone()), phoneKey);
      if (!(email || (name && phone))) {
        continue;
      }
      Set<DataPoint> matched = new LinkedHashSet<>();
      if (email) {
        matched.add(DataPoint.EMAIL);
      }
      if (name) {
        matched.add(DataPoint.NAME);
      }
      if (phone) {
        matched.add(DataPoint.PHONE);
      }
      if (query.jobNumber() != null && c.jobNumber().equalsIgnoreCase(query.jobNumber().strip())) {
        matched.add(DataPoint.JOB_NUMBER);
      }
      if (query.jobLocation() != null) {
        Optional<String> location = locations.computeIfAbsent(c.jobNumber(), j -> jobs.find(j).map(Job::locationAddress));
        if (location.isPresent() && LookupKeys.sameName(location.get(), query.jobLocation())) {
          matched.add(DataPoint.JOB_LOCATION);
        }
      }
      ids.add(c.supportRequestId());
      matches.add(new SubjectMatch(c.supportRequestId(), c.jobNumber(), c.email(), matched));
    }
    if (ids.isEmpty()) {
      return SubjectRecords.none(STORE);
    }
    List<String> fileKeys = store.files(ids).all();
    List<String> instances = process.processInstancesAbout(ids, store.recordingIds(ids));
    return new SubjectRecords(STORE, ids, matches, fileKeys, instances);
  }

  /**
   * Every support request about the job, with its files and process instances (the record-retention destruction). The
   * retention destruction erases them as an erasure does ({@link #erase}), keeping what a legal hold keeps.
   */
  @Override
  public SubjectRecords findCaseRecordsOfJob(String jobNumber, Set<String> linkedRecordIds) {
    List<String> ids = store.caseIdsOfJob(jobNumber);
    if (ids.isEmpty()) {
      return SubjectRecords.none(STORE);
    }
    return new SubjectRecords(STORE, ids, List.of(), store.files(ids).all(), process.processInstancesAbout(ids, store.recordingIds(ids)));
  }

  /**
   * The process instances an erasure stops and whose history it erases: the requests' remote-support cases, and the
   * recording-retention instances unless the recordings are retained (their timer destroys the kept recording).
   */
  @Override
  public List<String> processInstancesToErase(SubjectRecords records, Set<RetentionCategory> retained) {
    List<String> recordings = retained.contains(RetentionCategory.RECORDINGS) ? List.of() : store.recordingIds(records.recordIds());
    return process.processInstancesAbout(records.recordIds(), recordings);
  }

  @Override
  public List<String> filesToErase(SubjectRecords records, Set<RetentionCategory> retained) {
    SubjectDataStore.Files files = store.files(records.recordIds());
    Set<String> erase = new LinkedHashSet<>();
    Set<String> keep = new LinkedHashSet<>();
    (retained.contains(RetentionCategory.RSSV_RECORDS) ? keep : erase).addAll(files.rssvForms());
    (retained.contains(RetentionCategory.RSSV_RECORDS) ? keep : erase).addAll(files.rssvReturns());
    (retained.contains(RetentionCategory.RECORDINGS) ? keep : erase).addAll(files.recordings());
    (retained.contains(RetentionCategory.SUPPORT_FILES) ? keep : erase).addAll(files.supportFiles());
    (retained.contains(RetentionCategory.WORK_ORDERS) ? keep : erase).addAll(files.workOrders());
    erase.removeAll(keep);
    erase.retainAll(records.fileKeys());
    return List.copyOf(erase);
  }

  // ---------------------------------------------------------------- access, recipients

  @Override
  public Map<String, List<Map<String, Object>>> describe(SubjectRecords records) {
    return store.describe(records.recordIds());
  }

  @Override
  public List<Recipient> recipients(SubjectRecords records) {
    List<Recipient> recipients = new ArrayList<>();
    List<String> sentWorkOrders = store.jobsSentWorkOrders(records.recordIds());
    for (String jobNumber : sentWorkOrders) {
      jobs.find(jobNumber).ifPresent(job -> {
        recipients.add(new Recipient("Site contact of job " + job.jobNumber(), job.siteContact().email(), "work order"));
        recipients.add(new Recipient("Scheduling contact of job " + job.jobNumber(), job.schedulingContact().email(),
            "work order, session invitation"));
      });
    }
    // a contractor of the register that received support files of the case (support-file-sharing)
    for (String entryId : store.registerEntriesSharedWith(records.recordIds())) {
      register.getObject().find(entryId).ifPresent(e -> recipients.add(new Recipient(e.name() + " (contractor, " + e.country() + ")",
          e.contactEmail(), "support files shared for technical analysis")));
    }
    // a scheduling contact invited to a session received the case (requester, time) even without a work order
    for (String jobNumber : store.jobsInvitedToSessions(records.recordIds())) {
      if (!sentWorkOrders.contains(jobNumber)) {
        jobs.find(jobNumber).ifPresent(job -> recipients.add(new Recipient("Scheduling contact of job " + job.jobNumber(),
            job.schedulingContact().email(), "session invitation")));
      }
    }
    return recipients;
  }

  @Override
  public List<String> registerEntriesThatReceived(SubjectRecords records) {
    return store.registerEntriesSharedWith(records.recordIds());
  }

  @Override
  public List<String> references(SubjectRecords records) {
    return store.caseNumbers(records.recordIds());
  }

  // ---------------------------------------------------------------- erasure, rectification, restriction

  /**
   * Erases the requests and everything hanging off them; what a retained category keeps stays, and then the
   * request stays too, pseudonymised. The location of a job that only the subject asked about is theirs and goes as
   * well. A rerun finds nothing left to erase and counts nothing. The receipt counts, by kind, the rows whose personal
   * data went: deleted, or pseudonymised where a retained record keeps its row (the request, its sessions' notes, the
   * signer names of kept RSSV copies); JOB_LOCATION counts the job locations erased. The record of staff downloads of the
   * requests' files (ids only, none of the subject's data) is deleted with them and not counted.
   */
  @Override
  @Transactional
  public ErasureReceipt erase(SubjectRecords records, Set<RetentionCategory> retained, String reason) {
    List<String> s = records.recordIds();
    Map<String, Integer> erased = new LinkedHashMap<>();
    Map<String, String> kept = new LinkedHashMap<>();
    if (s.isEmpty()) {
      return ErasureReceipt.nothing(STORE);
    }
    Set<String> jobNumbers = new LinkedHashSet<>(store.jobsOf(s)); // before the requests go
    records.matches().stream().map(SubjectMatch::jobNumber).filter(java.util.Objects::nonNull).forEach(jobNumbers::add);
    jobNumbers.removeAll(store.jobsAlsoRequestedByOthers(jobNumbers, s));
    Map<String, Integer> before = store.counts(s);

    List<String> linkTargets = new ArrayList<>(s);
    linkTargets.addAll(store.linkTargets(s));
    tokens.forgetTargets(linkTargets);
    // the record of staff downloads goes with the case, whatever is retained: it holds ids only, so it is not counted
    int downloads = store.deleteCaseFileDownloads(s);
    erased.put("SURVEY", store.deleteSurveys(s));
    if (retained.contains(RetentionCategory.RECORDINGS)) {
      keep(kept, RetentionCategory.RECORDINGS, before.get("recording"), "session recording", "session recordings");
    } else {
      erased.put("RECORDING", store.deleteRecordings(s));
    }
    if (retained.contains(RetentionCategory.SUPPORT_FILES)) {
      keep(kept, RetentionCategory.SUPPORT_FILES, before.get("support_file"), "support file", "support files");
    } else {
      erased.put("SUPPORT_FILE_SHARE", store.deleteSupportFileShares(s));
      erased.put("SUPPORT_FILE", store.deleteSupportFiles(s));
    }
    if (retained.contains(RetentionCategory.RSSV_RECORDS)) {
      keep(kept, RetentionCategory.RSSV_RECORDS, before.get("rssv_form") + before.get("rssv_return"), "RSSV form or signed copy",
          "RSSV forms and signed copies");
    } else {
      erased.put("RSSV_RETURN", store.deleteRssvReturns(s));
      erased.put("RSSV_FORM", store.deleteRssvForms(s));
    }
    if (retained.contains(RetentionCategory.WORK_ORDERS)) {
      keep(kept, RetentionCategory.WORK_ORDERS, before.get("work_order"), "work order", "work orders");
    } else {
      erased.put("WORK_ORDER", store.deleteWorkOrders(s));
    }
    boolean sessionsKept = retained.contains(RetentionCategory.RECORDINGS) || retained.contains(RetentionCategory.SUPPORT_FILES);
    if (retained.isEmpty()) {
      erased.put("REMOTE_SESSION", store.deleteSessions(s));
      erased.put("SUPPORT_REQUEST", store.deleteSupportRequests(s));
    } else {
      int sessions = sessionsKept ? 0 : store.deleteSessions(s);
      SubjectDataStore.Pseudonymised pseudonymised = store.pseudonymise(s, time.now());
      erased.put("REMOTE_SESSION", sessions + pseudonymised.sessions());
      erased.put("SUPPORT_REQUEST", pseudonymised.supportRequests());
      if (retained.contains(RetentionCategory.RSSV_RECORDS)) {
        erased.put("RSSV_RETURN", pseudonymised.rssvReturns());
      }
    }
    int locations = 0;
    for (String jobNumber : jobNumbers) {
      if (jobs.eraseLocation(jobNumber, reason)) {
        locations++;
      }
    }
    erased.put("JOB_LOCATION", locations);
    LOG.info("erased the support records of {} support request(s) ({} retained categories), {} job location(s), {} download record(s)",
        s.size(), retained.size(), locations, downloads);
    return new ErasureReceipt(STORE, erased, kept);
  }

  @Override
  @Transactional
  public int rectify(SubjectRecords records, Rectification correction) {
    String email = correction.email() == null ? null : correction.email().toLowerCase(Locale.ROOT);
    return store.rectify(records.recordIds(), correction.name(), email, correction.phone());
  }

  /** Tells each request's running case (at once, by message) that its requester restricted processing or objected. */
  @Override
  public int restrict(SubjectRecords records) {
    int told = 0;
    for (String supportRequestId : records.recordIds()) {
      if (process.privacyRestricted(supportRequestId)) {
        told++;
      }
    }
    return told;
  }

  /** The restriction was lifted: an RSSV reminder withheld while the case was on hold goes out now, if still due. */
  @Override
  public int restrictionLifted(SubjectRecords records) {
    int sent = 0;
    for (String supportRequestId : records.recordIds()) {
      if (rssv.getObject().sendWithheldReminder(supportRequestId)) {
        sent++;
      }
    }
    return sent;
  }

  private static void keep(Map<String, String> kept, RetentionCategory category, Integer count, String one, String many) {
    if (count != null && count > 0) {
      kept.put(count + " " + (count == 1 ? one : many) + " (the support request pseudonymised)", "retained: " + category.label());
    }
  }

  /** E-mail and phone compare by their lookup keys (LookupKeys), the keys the candidates were found by. */
  private static boolean sameKey(String a, String b) {
    return a != null && a.equals(b);
  }


}
