package org.remoteservices.support.application;

import java.util.Locale;
import java.util.UUID;
import org.remoteservices.jobs.api.JobDirectory;
import org.remoteservices.shared.error.DomainException;
import org.remoteservices.support.application.port.RemoteSupportProcessPort;
import org.remoteservices.support.application.port.SupportRequestStore;
import org.remoteservices.support.domain.SupportRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Use case: a customer asks for remote support. */
@Service
public class SupportRequestService {
  private static final Logger LOG = LoggerFactory.getLogger(SupportRequestService.class);

  private final SupportRequestStore requests;
  private final JobDirectory jobs;
  private final RemoteSupportProcessPort process;

  public SupportRequestService(SupportRequestStore requests, JobDirectory jobs, RemoteSupportProcessPort process) {
    this.requests = requests;
    this.jobs = jobs;
    this.process = process;
  }

  /**
   * Stores the request and starts its process in one transaction: either both exist afterwards or
   * neither. An unknown job number is refused (422) before anything is stored.
   */
  @Transactional
  public SupportRequest submit(String name, String phone, String email, String jobNumber) {
    if (!jobs.exists(jobNumber)) {
      throw DomainException.unprocessable("job number " + jobNumber + " is not in our job registry; "
          + "check the number on your service paperwork or contact Remote Services");
    }
    String id = UUID.randomUUID().toString();
    SupportRequest request = requests.insert(id, jobNumber, name, email.toLowerCase(Locale.ROOT), phone);
    process.start(id);
    LOG.info("support request {} ({}) received for job {}", id, request.caseNumber(), jobNumber);
    return request;
  }
}
