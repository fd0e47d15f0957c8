package org.remoteservices.jobs.application;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.remoteservices.jobs.api.Job;
import org.remoteservices.jobs.api.ObsolescenceDateListener;
import org.remoteservices.jobs.application.port.RecordRetentionProcessPort;
import org.remoteservices.privacy.api.ErasureReceipt;
import org.remoteservices.privacy.api.LegalHolds;
import org.remoteservices.privacy.api.RetentionCategory;
import org.remoteservices.privacy.api.SubjectDataProvider;
import org.remoteservices.privacy.api.SubjectRecords;
import org.remoteservices.shared.error.DomainException;
import org.remoteservices.shared.files.FileStore;
import org.remoteservices.shared.time.TimeSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notice's "until ten years after system obsolescence": each job's {@code record-retention} instance waits for its
 * obsolescence date + the configured years, then destroys the job's case records (support requests, RSSV copies,
 * sessions, recordings, support files, work orders, surveys, mails on record) through the subject-data providers' own
 * erasure ({@link SubjectDataProvider#findCaseRecordsOfJob}, {@link SubjectDataProvider#erase}), keeping what a legal hold
 * keeps, and leaves a destruction record of counts only. The engine history of the job's cases is removed at the same
 * moment (an absolute removal time; the nightly history cleanup deletes it).
 */
@Service
public class RecordRetentionService {
  private static final Logger LOG = LoggerFactory.getLogger(RecordRetentionService.class);
  /** Obsolescence dates outside these years are typing errors, not dates. */
  static final int FIRST_YEAR = 1980;
  static final int LAST_YEAR = 2200;

  private final JobStore jobs;
  private final RecordRetentionProcessPort process;
  private final ObjectProvider<SubjectDataProvider> providers;
  private final LegalHolds holds;
  private final FileStore files;
  private final TimeSource time;
  private final int keepYears;
  private final ObjectProvider<ObsolescenceDateListener> listeners;

  public RecordRetentionService(JobStore jobs, RecordRetentionProcessPort process, ObjectProvider<SubjectDataProvider> providers,
      LegalHolds holds, FileStore files, TimeSource time,
      @Value("${rso.support-files.keep-years-after-obsolescence:10}") int keepYears,
      ObjectProvider<ObsolescenceDateListener> listeners) {
    this.listeners = listeners;
    this.jobs = jobs;
    this.process = process;
    this.providers = providers;
    this.holds = holds;
    this.files = files;
    this.time = time;
    this.keepYears = keepYears;
  }

  /** The last day the job's case records are kept: its system obsolescence date + the configured years (10). */
  public LocalDate retainUntil(String jobNumber) {
    return retainUntil(job(jobNumber).systemObsolescenceDate());
  }

  public LocalDate retainUntil(LocalDate obsolescenceDate) {
    return obsolescenceDate.plusYears(keepYears);
  }

  /** When the retention timer fires: the start (UTC) of the day after the last day kept. */
  public Instant destroyAt(String jobNumber) {
    return retainUntil(jobNumber).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /**
   * Operators change a job's obsolescence date: stored, the running retention instance's timer moved by message (no restart;
   * a job without a running instance gets one), and the history removal time of the job's finished cases moved with it.
   * Unknown job: NOT_FOUND; a date outside 1980-2200: REJECTED; the instance between steps: CONFLICT (nothing changed).
   */
  @Transactional
  public Job changeObsolescenceDate(String jobNumber, LocalDate date) {
    if (date == null) {
      throw DomainException.rejected("systemObsolescenceDate is required (YYYY-MM-DD)");
    }
    if (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR) {
      throw DomainException.rejected("systemObsolescenceDate must be a date between " + FIRST_YEAR + " and " + LAST_YEAR);
    }
    job(jobNumber);
    jobs.updateObsolescenceDate(jobNumber, date);
    listeners.orderedStream().forEach(l -> l.obsolescenceDateChanged(jobNumber, date)); // stored deadlines (support files)
    switch (process.obsolescenceDateChanged(jobNumber)) {
      case MOVED -> LOG.info("job {}: obsolescence date changed, retention timer moved", jobNumber);
      case NOT_RUNNING -> process.start(jobNumber);
      case BUSY -> throw DomainException.conflict("The retention of job " + jobNumber
          + " is running a step right now; nothing was changed. Try again in a minute.");
    }
    process.removeHistoryAt(caseInstances(jobNumber), destroyAt(jobNumber), false);
    return job(jobNumber);
  }

  /** Starts a retention instance for every job without a running one (jobs registered before the model existed). */
  @Transactional
  public int startMissing() {
    int started = 0;
    for (int offset = 0; ; offset += 500) {
      List<Job> page = jobs.list(offset, 500);
      for (Job job : page) {
        if (!process.isRunning(job.jobNumber()) && !jobs.destroyed(job.jobNumber())) {
          process.start(job.jobNumber());
          process.removeHistoryAt(caseInstances(job.jobNumber()), destroyAt(job.jobNumber()), false);
          started++;
        }
      }
      if (page.size() < 500) {
        return started;
      }
    }
  }

  /**
   * Destroys the job's case records that no legal hold keeps; returns whether a hold kept something (the model then
   * waits and tries again). Refused (CONFLICT, nothing destroyed) before the end of the retention: the timer fires on it,
   * but a moved token or a job executed early in Cockpit does not. A rerun finds only what is left.
   */
  @Transactional
  public boolean destroyCaseRecords(String jobNumber) {
    LocalDate retainUntil = retainUntil(jobNumber);
    Instant now = time.now();
    if (now.isBefore(destroyAt(jobNumber))) {
      throw DomainException.conflict("The case records of job " + jobNumber + " are kept until " + retainUntil
          + " (10 years after the system's obsolescence); nothing is destroyed before (the timer was moved or its job executed early).");
    }
    Set<RetentionCategory> held = holds.heldCategories(jobNumber, LocalDate.ofInstant(now, ZoneOffset.UTC));
    String reason = "destroyed (retention of job " + jobNumber + " ended " + retainUntil + ")";
    Set<String> linked = new LinkedHashSet<>();
    Set<String> fileKeys = new LinkedHashSet<>();
    Set<String> instances = new LinkedHashSet<>();
    Map<String, Integer> erased = new LinkedHashMap<>();
    Map<String, String> kept = new LinkedHashMap<>();
    int cases = 0;
    for (SubjectDataProvider provider : providers.orderedStream().toList()) {
      SubjectRecords records = provider.findCaseRecordsOfJob(jobNumber, Set.copyOf(linked));
      if (records.isEmpty()) {
        continue;
      }
      if (linked.isEmpty()) {
        cases = records.recordIds().size(); // the first store with case records is the support requests'
      }
      linked.addAll(records.recordIds());
      fileKeys.addAll(provider.filesToErase(records, held));
      instances.addAll(provider.processInstancesToErase(records, held));
      ErasureReceipt receipt = provider.erase(records, held, reason);
      receipt.erased().forEach((kind, n) -> erased.merge(kind, n, Integer::sum));
      kept.putAll(receipt.kept());
    }
    fileKeys.forEach(files::deleteWithEmptyFolders);
    process.removeHistoryAt(instances, now, true);
    jobs.insertDestruction(UUID.randomUUID().toString(), jobNumber, retainUntil, now, cases, summary(erased),
        kept.isEmpty() ? null : String.join("; ", kept.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList()));
    LOG.info("job {}: retention ended {}, case records of {} case(s) destroyed, {} kept by a legal hold", jobNumber, retainUntil, cases,
        kept.size());
    return !kept.isEmpty();
  }

  private List<String> caseInstances(String jobNumber) {
    List<String> instances = new ArrayList<>();
    Set<String> linked = new LinkedHashSet<>();
    for (SubjectDataProvider provider : providers.orderedStream().toList()) {
      SubjectRecords records = provider.findCaseRecordsOfJob(jobNumber, Set.copyOf(linked));
      linked.addAll(records.recordIds());
      instances.addAll(records.processInstanceIds());
    }
    return instances;
  }

  private static String summary(Map<String, Integer> erased) {
    List<String> parts = new ArrayList<>();
    erased.forEach((kind, n) -> {
      if (n > 0) {
        parts.add(kind + "=" + n);
      }
    });
    return parts.isEmpty() ? "nothing left to destroy" : String.join(", ", parts);
  }

  private Job job(String jobNumber) {
    return jobs.find(jobNumber).orElseThrow(() -> DomainException.notFound("no job " + jobNumber));
  }
}
