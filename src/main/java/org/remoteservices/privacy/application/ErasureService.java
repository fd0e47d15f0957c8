package org.remoteservices.privacy.application;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.remoteservices.privacy.adapter.db.PrivacyRecordsRepository;
import org.remoteservices.privacy.adapter.db.PrivacyRecordsRepository.LegalHold;
import org.remoteservices.privacy.adapter.db.PrivacyRequestRepository;
import org.remoteservices.privacy.adapter.db.SubjectRecordsRepository;
import org.remoteservices.privacy.adapter.pdf.PrivacyDocuments;
import org.remoteservices.privacy.domain.PrivacyRequest;
import org.remoteservices.privacy.domain.PrivacyRight;
import org.remoteservices.privacy.api.RetentionCategory;
import org.remoteservices.shared.files.FileStore;
import org.remoteservices.shared.mail.MailAttachment;
import org.remoteservices.shared.time.TimeSource;
import org.remoteservices.shared.error.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erasure. A privacy officer reviews what legal retention keeps (legal holds cannot be released); an
 * inventory then writes the erasure plan (ids and keys only); each store is erased by its own step, in
 * parallel; a tombstone without personal data and a certificate remain. The request's own contact data goes
 * last, after the certificate has been mailed.
 */
@Service
public class ErasureService {
  private static final Logger LOG = LoggerFactory.getLogger(ErasureService.class);
  public static final String RECORDS = "RECORDS";
  public static final String FILES = "FILES";
  public static final String MAILS = "MAILS";
  public static final String ENGINE = "ENGINE";
  public static final String FLAGS = "FLAGS";
  public static final String JOB_LOCATION = "JOB_LOCATION";
  public static final String PRIOR_REQUESTS = "PRIOR_REQUESTS";
  public static final String CERTIFICATE_FILE = "erasure-certificate.pdf";

  private final PrivacyRequestRepository requests;
  private final PrivacyRecordsRepository records;
  private final SubjectRecordsRepository subjectRecords;
  private final SubjectService subjects;
  private final SubjectKeys keys;
  private final VerificationService verification;
  private final PrivacyProcessPort process;
  private final PrivacyDocuments documents;
  private final FileStore files;
  private final PrivacyPolicy policy;
  private final TimeSource time;

  public ErasureService(PrivacyRequestRepository requests, PrivacyRecordsRepository records, SubjectRecordsRepository subjectRecords,
      SubjectService subjects, SubjectKeys keys, VerificationService verification, PrivacyProcessPort process, PrivacyDocuments documents,
      FileStore files, PrivacyPolicy policy, TimeSource time) {
    this.requests = requests;
    this.records = records;
    this.subjectRecords = subjectRecords;
    this.subjects = subjects;
    this.keys = keys;
    this.verification = verification;
    this.process = process;
    this.documents = documents;
    this.files = files;
    this.policy = policy;
    this.time = time;
  }

  // ---------------------------------------------------------------- retention review

  /** The legal holds on the subject's jobs, for the officer's review task. */
  public List<LegalHold> holds(String id) {
    PrivacyRequest request = requests.get(id);
    return records.activeHolds(subjects.match(request).jobNumbers(), time.today());
  }

  /**
   * Records the officer's retention decision. Every category under a legal hold must be kept; each kept
   * category gets its legal basis (the hold's, else the officer's note, else the category's standard basis).
   */
  @Transactional
  public void reviewRetention(String id, List<RetentionCategory> keep, String note, String decidedBy) {
    List<LegalHold> holds = holds(id);
    List<String> released = holds.stream().map(LegalHold::category).filter(c -> !keep.contains(c)).map(Enum::name).distinct().toList();
    if (!released.isEmpty()) {
      throw DomainException.rejected("under legal hold, must be retained: " + String.join(", ", released));
    }
    records.clearRetention(id);
    for (RetentionCategory category : keep) {
      String basis = holds.stream().filter(h -> h.category() == category).map(h -> h.legalBasis() + " (legal hold, job " + h.jobNumber() + ")")
          .findFirst().orElse(note != null ? note : category.defaultLegalBasis());
      records.retain(id, category, basis, decidedBy);
    }
  }

  // ---------------------------------------------------------------- the plan

  /** Writes the erasure plan: which support requests, files, mails, process instances, flags belong to the subject. */
  @Transactional
  public void inventory(String id) {
    PrivacyRequest request = requests.get(id);
    verification.requireVerified(request);
    Set<RetentionCategory> keep = records.retained(id).keySet();
    SubjectService.Match match = subjects.match(request);
    List<String> s = match.supportRequestIds();
    s.forEach(sr -> records.planItem(id, RECORDS, sr));

    List<String> fileKeys = new ArrayList<>();
    if (!keep.contains(RetentionCategory.RSSV_RECORDS)) {
      fileKeys.addAll(subjectRecords.ids("select pdf_file from rssv_form where support_request_id in (:ids)", s));
      fileKeys.addAll(subjectRecords.ids("select r.file_key from rssv_return r join rssv_form f on f.id = r.rssv_form_id where f.support_request_id in (:ids)", s));
    }
    if (!keep.contains(RetentionCategory.RECORDINGS)) {
      fileKeys.addAll(subjectRecords.ids("select file_key from recording where support_request_id in (:ids)", s));
    }
    if (!keep.contains(RetentionCategory.SUPPORT_FILES)) {
      fileKeys.addAll(subjectRecords.ids("select file_key from support_file where support_request_id in (:ids)", s));
    }
    if (!keep.contains(RetentionCategory.WORK_ORDERS)) {
      fileKeys.addAll(subjectRecords.ids("select pdf_file from work_order where support_request_id in (:ids)", s));
    }
    List<String> mailIds = subjectRecords.mailIds(s, request.email());
    List<String> retainedKeys = subjectRecords.ids("""
        select pdf_file from rssv_form where support_request_id in (:ids) union select file_key from recording where support_request_id in (:ids)
        union select file_key from support_file where support_request_id in (:ids) union select pdf_file from work_order where support_request_id in (:ids)""", s)
        .stream().filter(k -> !fileKeys.contains(k)).toList();
    subjectRecords.mailAttachmentKeys(mailIds).stream().filter(k -> !retainedKeys.contains(k)).forEach(fileKeys::add);

    for (String prior : requests.idsByEmail(request.email())) {
      if (!prior.equals(id)) {
        records.planItem(id, PRIOR_REQUESTS, prior);
        requests.evidence(prior).stream().map(PrivacyRequestRepository.Evidence::fileKey).filter(java.util.Objects::nonNull).forEach(fileKeys::add);
        List<String> priorMails = subjectRecords.mailIdsByKeyPrefix(PrivacyMails.keyPrefix(prior));
        priorMails.forEach(m -> records.planItem(id, MAILS, m));
        fileKeys.addAll(subjectRecords.mailAttachmentKeys(priorMails));
      }
    }
    fileKeys.stream().filter(java.util.Objects::nonNull).distinct().forEach(k -> records.planItem(id, FILES, k));
    mailIds.forEach(m -> records.planItem(id, MAILS, m));

    List<String> recordingIds = keep.contains(RetentionCategory.RECORDINGS) ? List.of()
        : subjectRecords.ids("select id from recording where support_request_id in (:ids)", s);
    List<String> instances = process.processInstancesAbout(s, recordingIds);
    instances.forEach(p -> records.planItem(id, ENGINE, p));
    // the subject's running cases stop now: nothing about them may run on while (or after) they are erased
    int cancelled = process.cancelProcessInstances(instances, "erased by privacy request " + request.reference());
    records.planItem(id, FLAGS, keys.of(request.email()));
    if (match.emailOnRecord() != null) {
      records.planItem(id, FLAGS, keys.of(match.emailOnRecord()));
    }
    subjectRecords.jobsOnlyRequestedBy(s).forEach(j -> records.planItem(id, JOB_LOCATION, j));
    LOG.info("privacy request {}: erasure planned for {} support request(s), {} file(s), {} mail(s), {} process instance(s) ({} cancelled)",
        id, s.size(), fileKeys.size(), mailIds.size(), instances.size(), cancelled);
  }

  // ---------------------------------------------------------------- one step per store

  /** Our tables: support requests and everything hanging off them (or, for retained categories, their pseudonymised request). */
  @Transactional
  public void eraseRecords(String id) {
    PrivacyRequest request = requests.get(id);
    verification.requireVerified(request);
    Set<RetentionCategory> keep = records.retained(id).keySet();
    List<String> s = records.plannedItems(id, RECORDS);
    List<String> recordingIds = subjectRecords.ids("select id from recording where support_request_id in (:ids)", s);
    List<String> tokenTargets = new ArrayList<>(s);
    tokenTargets.addAll(subjectRecords.ids("select id from rssv_form where support_request_id in (:ids)", s));
    tokenTargets.addAll(subjectRecords.ids("select id from survey where support_request_id in (:ids)", s));
    subjectRecords.deleteWhere("access_token", "target_id", tokenTargets);
    subjectRecords.deleteWhere("survey", "support_request_id", s);
    if (!keep.contains(RetentionCategory.RECORDINGS)) {
      subjectRecords.deleteWhere("recording_destruction", "recording_id", recordingIds);
      subjectRecords.deleteWhere("recording", "support_request_id", s);
    }
    if (!keep.contains(RetentionCategory.SUPPORT_FILES)) {
      subjectRecords.deleteWhere("support_file", "support_request_id", s);
    }
    if (!keep.contains(RetentionCategory.RSSV_RECORDS)) {
      subjectRecords.deleteRssvReturns(s);
      subjectRecords.deleteWhere("rssv_form", "support_request_id", s);
    }
    if (!keep.contains(RetentionCategory.WORK_ORDERS)) {
      subjectRecords.deleteWhere("work_order", "support_request_id", s);
    }
    if (keep.contains(RetentionCategory.RECORDINGS) || keep.contains(RetentionCategory.SUPPORT_FILES)) {
      subjectRecords.pseudonymise(s, time.now());
    } else {
      subjectRecords.deleteWhere("remote_session", "support_request_id", s);
    }
    if (keep.isEmpty()) {
      subjectRecords.deleteWhere("support_request", "id", s);
    } else {
      subjectRecords.pseudonymise(s, time.now());
    }
    for (String job : records.plannedItems(id, JOB_LOCATION)) {
      subjectRecords.eraseJobLocation(job, "erased (privacy request " + request.reference() + ")");
    }
    for (String prior : records.plannedItems(id, PRIOR_REQUESTS)) {
      requests.eraseDataPoints(prior);
      requests.forgetEvidenceFiles(prior);
    }
    records.markErased(id, RECORDS);
    records.markErased(id, JOB_LOCATION);
    records.markErased(id, PRIOR_REQUESTS);
  }

  @Transactional
  public void eraseFiles(String id) {
    verification.requireVerified(requests.get(id));
    records.plannedItems(id, FILES).forEach(this::deleteFile);
    records.markErased(id, FILES);
  }

  @Transactional
  public void eraseMails(String id) {
    verification.requireVerified(requests.get(id));
    subjectRecords.deleteMails(records.plannedItems(id, MAILS));
    records.markErased(id, MAILS);
  }

  @Transactional
  public void eraseFlags(String id) {
    verification.requireVerified(requests.get(id));
    records.plannedItems(id, FLAGS).forEach(records::deleteFlags);
    records.markErased(id, FLAGS);
  }

  @Transactional
  public void eraseProcessData(String id) {
    PrivacyRequest request = requests.get(id);
    verification.requireVerified(request);
    List<String> instances = records.plannedItems(id, ENGINE);
    process.cancelProcessInstances(instances, "erased by privacy request " + request.reference()); // in case one started since
    process.eraseProcessHistory(instances);
    records.markErased(id, ENGINE);
  }

  /** The tombstone (salted hash, dates, categories) and the certificate PDF that the final response carries. */
  @Transactional
  public void writeTombstone(String id) {
    PrivacyRequest request = requests.get(id);
    if (records.tombstone(id).isPresent()) {
      return;
    }
    Instant now = time.now();
    Map<String, Integer> erased = records.erasedCounts(id);
    Map<RetentionCategory, String> retained = records.retained(id);
    LocalDate backupsAgeOut = LocalDate.ofInstant(now.plus(policy.backupRetention()), TimeSource.ZONE);
    records.insertTombstone(new PrivacyRecordsRepository.Tombstone(UUID.randomUUID().toString(), keys.of(request.email()), request.receivedAt(),
        now, erased.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(",")),
        retained.isEmpty() ? null : String.join(",", retained.keySet().stream().map(Enum::name).toList()), backupsAgeOut), id);
    List<String> told = records.notices(id).stream().filter(n -> n.action().equals(PrivacyRight.ERASURE.name()))
        .map(n -> n.role() + " <" + n.email() + ">").toList();
    files.write(certificateKey(id), documents.erasureCertificate(request, now, erased, retained, backupsAgeOut, told));
    requests.recordRightOutcome(id, PrivacyRight.ERASURE, "DONE", "your personal data was erased (certificate attached); "
        + (retained.isEmpty() ? "nothing was retained" : "retained by law: " + String.join(", ", retained.keySet().stream().map(RetentionCategory::label).toList()))
        + "; backups age out on " + backupsAgeOut);
    LOG.info("privacy request {}: erasure complete, tombstone written", id);
  }

  /** The certificate, if this request ended in an erasure. */
  public List<MailAttachment> certificate(String id) {
    return files.exists(certificateKey(id)) ? List.of(MailAttachment.pdf(CERTIFICATE_FILE, certificateKey(id))) : List.of();
  }

  /** After the final response: the request's own data points, mails, evidence files and links go too. */
  @Transactional
  public void eraseRequesterContact(String id) {
    List<String> mailIds = subjectRecords.mailIdsByKeyPrefix(PrivacyMails.keyPrefix(id));
    List<String> keysToDelete = new ArrayList<>(subjectRecords.mailAttachmentKeys(mailIds));
    requests.evidence(id).stream().map(PrivacyRequestRepository.Evidence::fileKey).filter(java.util.Objects::nonNull).forEach(keysToDelete::add);
    subjectRecords.deleteMails(mailIds);
    subjectRecords.deleteWhere("access_token", "target_id", List.of(id));
    requests.forgetEvidenceFiles(id);
    requests.eraseDataPoints(id);
    keysToDelete.forEach(this::deleteFile);
    deleteTree("privacy/" + id);
    LOG.info("privacy request {}: the requester's contact data erased after the final response", id);
  }

  public static String certificateKey(String id) {
    return "privacy/" + id + "/" + CERTIFICATE_FILE;
  }

  private void deleteFile(String key) {
    files.delete(key);
    Path dir = files.root().resolve(key).getParent();
    while (dir != null && dir.startsWith(files.root()) && !dir.equals(files.root())) {
      try (Stream<Path> entries = Files.list(dir)) {
        if (entries.findAny().isPresent()) {
          return;
        }
      } catch (IOException e) {
        return;
      }
      try {
        Files.deleteIfExists(dir);
      } catch (IOException e) {
        return;
      }
      dir = dir.getParent();
    }
  }

  private void deleteTree(String prefix) {
    Path dir = files.root().resolve(prefix).normalize();
    if (!dir.startsWith(files.root()) || !Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      List<Path> paths = walk.sorted(java.util.Comparator.reverseOrder()).toList();
      for (Path p : paths) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot delete " + prefix, e);
    }
  }
}
