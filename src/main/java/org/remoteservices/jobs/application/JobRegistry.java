package org.remoteservices.jobs.application;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.remoteservices.jobs.api.Job;
import org.remoteservices.jobs.api.JobDirectory;
import org.remoteservices.jobs.application.port.RecordRetentionProcessPort;
import org.remoteservices.shared.error.DomainException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Use cases of the job registry: operators list and register jobs (each registration starts its record-retention); other features find them through {@link JobDirectory}. */
@Service
public class JobRegistry implements JobDirectory {
  private final JobStore jobs;
  private final RecordRetentionProcessPort retention;
  private final int keepYears;

  public JobRegistry(JobStore jobs, RecordRetentionProcessPort retention,
      @Value("${rso.support-files.keep-years-after-obsolescence:10}") int keepYears) {
    this.jobs = jobs;
    this.retention = retention;
    this.keepYears = keepYears;
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
    jobs.insert(job);
    retention.start(job.jobNumber()); // record-retention: its case records are destroyed at obsolescence + 10 years
  }

  @Override
  @Transactional
  public boolean eraseLocation(String jobNumber, String replacement) {
    return jobs.replaceLocation(jobNumber, replacement);
  }
}
