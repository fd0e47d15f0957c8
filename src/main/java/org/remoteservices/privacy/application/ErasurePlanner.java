package org.remoteservices.privacy.application;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.remoteservices.privacy.api.RetentionCategory;
import org.remoteservices.privacy.api.SubjectDataProvider;
import org.remoteservices.privacy.api.SubjectRecords;
import org.remoteservices.privacy.application.port.PrivacyProcessPort;
import org.remoteservices.privacy.application.port.PrivacyRecordStore;
import org.remoteservices.privacy.application.port.PrivacyRecordStore.LegalHold;
import org.remoteservices.privacy.application.port.PrivacyRequestStore;
import org.remoteservices.privacy.domain.PrivacyRequest;
import org.remoteservices.shared.error.DomainException;
import org.remoteservices.shared.time.TimeSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The first half of an erasure: a privacy officer reviews what legal retention keeps (legal holds cannot be
 * released), then the plan is written: for every subject-data provider the ids of the subject's records, and
 * the files and process instances to erase. Ids and keys only. The subject's running cases stop at once.
 */
@Service
public class ErasurePlanner {
  private static final Logger LOG = LoggerFactory.getLogger(ErasurePlanner.class);
  /** The plan's own stores besides the providers': file-store keys and engine process instances. */
  public static final String FILES = "FILES";
  public static final String ENGINE = "ENGINE";

  private final PrivacyRequestStore requests;
  private final PrivacyRecordStore records;
  private final SubjectService subjects;
  private final VerificationService verification;
  private final PrivacyProcessPort process;
  private final TimeSource time;

  public ErasurePlanner(PrivacyRequestStore requests, PrivacyRecordStore records, SubjectService subjects, VerificationService verification,
      PrivacyProcessPort process, TimeSource time) {
    this.requests = requests;
    this.records = records;
    this.subjects = subjects;
    this.verification = verification;
    this.process = process;
    this.time = time;
  }

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
    requests.markRetentionReviewed(id);
  }

  /**
   * The guard of every erasure step: the request is verified, a privacy officer decided the retention review, and
   * no legal hold (one placed since the review included) covers a category the decision lets go. A token moved
   * past the review in Cockpit erases nothing; the step fails and shows up as an incident.
   */
  public PrivacyRequest requireErasable(String id) {
    PrivacyRequest request = requests.get(id);
    verification.requireVerified(request);
    if (request.retentionReviewedAt() == null) {
      throw new IllegalStateException("privacy request " + request.reference() + ": nothing is erased before a privacy officer decided the retention review");
    }
    Set<RetentionCategory> keep = records.retained(id).keySet();
    List<String> held = holds(id).stream().map(LegalHold::category).filter(c -> !keep.contains(c)).map(Enum::name).distinct().toList();
    if (!held.isEmpty()) {
      throw new IllegalStateException("privacy request " + request.reference() + ": a legal hold covers " + String.join(", ", held)
          + ", which the retention decision lets go; review the retention again (retry this step once it is decided)");
    }
    return request;
  }

  /** Writes the erasure plan from every provider, and stops the subject's running process instances. */
  @Transactional
  public void inventory(String id) {
    PrivacyRequest request = requireErasable(id);
    Set<RetentionCategory> keep = records.retained(id).keySet();
    SubjectService.Subject subject = subjects.match(request);
    Set<String> fileKeys = new LinkedHashSet<>();
    Set<String> keptFiles = new LinkedHashSet<>();
    Set<String> instances = new LinkedHashSet<>();
    Map<String, Integer> planned = new java.util.LinkedHashMap<>();
    for (SubjectDataProvider provider : subjects.providers()) {
      // the request being answered is not an "earlier" request: its own data goes after the final response
      SubjectRecords found = subject.of(provider);
      List<String> ids = found.recordIds().stream().filter(r -> !r.equals(id)).toList();
      SubjectRecords scoped = new SubjectRecords(found.store(), ids, found.matches(), found.fileKeys(), found.processInstanceIds());
      ids.forEach(ref -> records.planItem(id, provider.store(), ref));
      planned.put(provider.store(), ids.size());
      List<String> toErase = provider.filesToErase(scoped, keep);
      fileKeys.addAll(toErase);
      found.fileKeys().stream().filter(k -> !toErase.contains(k)).forEach(keptFiles::add);
      instances.addAll(provider.processInstancesToErase(scoped, keep));
    }
    // a file that one store keeps (an RSSV form under retention, also attached to a mail) stays for all
    fileKeys.removeAll(keptFiles);
    fileKeys.forEach(k -> records.planItem(id, FILES, k));
    instances.forEach(p -> records.planItem(id, ENGINE, p));
    // the subject's running cases stop now: nothing about them may run on while (or after) they are erased
    int cancelled = process.cancelProcessInstances(new ArrayList<>(instances), "erased by privacy request " + request.reference());
    LOG.info("privacy request {}: erasure planned: {}, {} file(s), {} process instance(s) ({} cancelled)", id, planned, fileKeys.size(),
        instances.size(), cancelled);
  }
}
