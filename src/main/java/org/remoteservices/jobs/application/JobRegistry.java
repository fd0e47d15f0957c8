package org.remoteservices.jobs.application;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.remoteservices.jobs.api.Job;
import org.remoteservices.jobs.api.JobDirectory;
import org.remoteservices.jobs.api.WarrantyDateListener;
import org.springframework.beans.factory.ObjectProvider;
import org.remoteservices.jobs.application.port.RecordRetentionProcessPort;
import org.remoteservices.shared.error.DomainException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Use cases of the job registry: operators list and register jobs (each registration starts its record-retention); other features find them through {@link JobDirectory}. */
@Service
public class JobRegistry implements JobDirectory {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(JobRegistry.class);
  private final JobStore jobs;
  private final RecordRetentionProcessPort retention;
  private final int keepYears;
  private final ObjectProvider<WarrantyDateListener> warrantyListeners;
  private final ObjectProvider<RecordRetentionService> retentionService;

  public JobRegistry(JobStore jobs, RecordRetentionProcessPort retention,
      @Value("${rso.support-files.keep-years-after-obsolescence:10}") int keepYears, ObjectProvider<WarrantyDateListener> warrantyListeners,
      ObjectProvider<RecordRetentionService> retentionService) {
    this.jobs = jobs;
    this.retention = retention;
    this.keepYears = keepYears;
    this.warrantyListeners = warrantyListeners;
    this.retentionService = retentionService;
  }

  @Override
  public List<Job> listAfter(String afterJobNumber, int limit) {
    return jobs.listAfter(afterJobNumber, limit);
  }

  @Override
  public List<Job> warrantiesEnding(LocalDate from, LocalDate to, String afterJobNumber, int limit) {
    return jobs.warrantiesEnding(from, to, afterJobNumber, limit);
  }

  /**
   * Operators change a job (PATCH): its system obsolescence date (the record-retention moves, see
   * {@link RecordRetentionService#changeObsolescenceDate}) and/or its warranty date (the warranty-expiry reminder
   * follows it), or {@code removeWarranty}: the job has no warranty date any more (one set by mistake), so no
   * warranty-expiry reminder is started for it (one already started, its date within the lead, is a communication of its
   * own and goes on). At least one; all in one transaction, so a refused part changes nothing.
   */
  @Transactional
  public Job change(String jobNumber, LocalDate systemObsolescenceDate, LocalDate warrantyUntil, boolean removeWarranty) {
    if (systemObsolescenceDate == null && warrantyUntil == null && !removeWarranty) {
      throw DomainException.rejected("systemObsolescenceDate or warrantyUntil is required (YYYY-MM-DD; \"warrantyUntil\": null removes the warranty date)");
    }
    Job job = jobs.find(jobNumber).orElseThrow(() -> DomainException.notFound("no job " + jobNumber));
    if (warrantyUntil != null) {
      checkWarranty(warrantyUntil);
    }
    if (systemObsolescenceDate != null) {
      job = retentionService.getObject().changeObsolescenceDate(jobNumber, systemObsolescenceDate);
    }
    if (removeWarranty && job.warrantyUntil() != null) {
      jobs.updateWarrantyUntil(jobNumber, null);
      job = job.withWarrantyUntil(null);
      LOG.info("job {}: warranty date removed", jobNumber);
    }
    if (warrantyUntil != null && !warrantyUntil.equals(job.warrantyUntil())) {
      jobs.updateWarrantyUntil(jobNumber, warrantyUntil);
      job = job.withWarrantyUntil(warrantyUntil);
      Job changed = job;
      warrantyListeners.orderedStream().forEach(l -> l.warrantyDateSet(changed));
    }
    return job;
  }

  static void checkWarranty(LocalDate warrantyUntil) {
    if (warrantyUntil.getYear() < RecordRetentionService.FIRST_YEAR || warrantyUntil.getYear() > RecordRetentionService.LAST_YEAR) {
      throw DomainException.rejected("warrantyUntil must be a date between " + RecordRetentionService.FIRST_YEAR + " and "
          + RecordRetentionService.LAST_YEAR);
    }
  }

  @Override
  public Optional<LocalDate> caseRecordsKeptUntil(String jobNumber) {
    return jobs.find(jobNumber).map(job -> job.systemObsolescenceDate().plusYears(keepYears));
  }

  @Override
  public Optional<Job> find(String jobNumber) {
    return jobs.find(jobNumber);
  }

  @Override
  public boolean exists(String jobNumber) {
    return jobs.exists(jobNumber);
  }

  public List<Job> list(int offset, int limit) {
    return jobs.list(offset, limit);
  }

  @Override
  @Transactional
  public void register(Job job) {
    if (jobs.exists(job.jobNumber())) {
      throw DomainException.conflict("job " + job.jobNumber() + " is already registered");
    }
    if (job.warrantyUntil() != null) {
      checkWarranty(job.warrantyUntil());
    }
    jobs.insert(job);
    retention.start(job.jobNumber()); // record-retention: its case records are destroyed at obsolescence + 10 years
    if (job.warrantyUntil() != null) {
      warrantyListeners.orderedStream().forEach(l -> l.warrantyDateSet(job)); // a warranty ending soon is reminded of at once
    }
  }

  @Override
  @Transactional
  public boolean eraseLocation(String jobNumber, String replacement) {
    return jobs.replaceLocation(jobNumber, replacement);
  }
}
