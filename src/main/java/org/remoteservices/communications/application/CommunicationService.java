package org.remoteservices.communications.application;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.remoteservices.communications.application.port.CommunicationProcessPort;
import org.remoteservices.communications.application.port.CommunicationStore;
import org.remoteservices.communications.domain.Communication;
import org.remoteservices.communications.domain.Progress;
import org.remoteservices.communications.domain.Purpose;
import org.remoteservices.jobs.api.JobDirectory;
import org.remoteservices.shared.error.DomainException;
import org.remoteservices.shared.time.TimeSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Use case: an operator sends a communication (API or Tasklist start form); anyone on staff with the right follows it. */
@Service
public class CommunicationService {
  private final CommunicationStore store;
  private final CommunicationProcessPort process;
  private final JobDirectory jobs;
  private final TimeSource time;
  private final int chunkSize;

  public CommunicationService(CommunicationStore store, CommunicationProcessPort process, JobDirectory jobs, TimeSource time,
      @Value("${rso.communications.chunk-size:500}") int chunkSize) {
    this.store = store;
    this.process = process;
    this.jobs = jobs;
    this.time = time;
    this.chunkSize = chunkSize;
  }

  public record Request(String purpose, String subject, String body, List<String> jobNumbers, String noticeVersion) {}

  /** Checks and stores the communication and starts its process, in one transaction. */
  @Transactional
  public Communication send(Request request, String createdBy) {
    Communication communication = store(request, createdBy);
    process.start(communication.id(), communication.purpose().name());
    return communication;
  }

  /** Checks and stores the communication only (the start form's instance exists already and takes the id as business key). */
  @Transactional
  public Communication store(Request request, String createdBy) {
    Purpose purpose = parsePurpose(request.purpose());
    String subject = required("subject", request.subject(), 200);
    String body = required("body", request.body(), 10_000);
    List<String> jobNumbers = new ArrayList<>();
    if (request.jobNumbers() != null) {
      for (String number : request.jobNumbers()) {
        if (number == null || !number.strip().matches("[A-Za-z0-9][A-Za-z0-9-]{1,31}")) {
          throw DomainException.rejected("jobNumbers: each must be 2-32 letters, digits or dashes");
        }
        if (!jobs.exists(number.strip())) {
          throw DomainException.rejected("jobNumbers: job " + number.strip() + " is not in the job registry");
        }
        if (!jobNumbers.contains(number.strip())) {
          jobNumbers.add(number.strip());
        }
      }
      if (String.join(",", jobNumbers).length() > 4000) {
        throw DomainException.rejected("jobNumbers: too many jobs for one communication; leave it out to reach all jobs");
      }
    }
    String noticeVersion = null;
    if (purpose == Purpose.NOTICE_CHANGE) {
      noticeVersion = request.noticeVersion() == null || request.noticeVersion().isBlank() ? subject : request.noticeVersion().strip();
      if (noticeVersion.length() > 40) {
        noticeVersion = noticeVersion.substring(0, 40);
      }
    }
    Communication communication = new Communication(UUID.randomUUID().toString(), purpose, subject, body, jobNumbers, noticeVersion,
        Communication.Status.SELECTING, chunkSize, createdBy, time.now(), null);
    store.insert(communication);
    return communication;
  }

  public record Status(Communication communication, Progress progress) {}

  public Status status(String id) {
    Communication c = store.find(id).orElseThrow(() -> DomainException.notFound("no communication " + id));
    return new Status(c, store.progress(id));
  }

  public Communication get(String id) {
    return store.find(id).orElseThrow(() -> DomainException.notFound("no communication " + id));
  }

  @Transactional
  public void complete(String id) {
    get(id);
    store.updateStatus(id, Communication.Status.DONE);
  }

  static Purpose parsePurpose(String value) {
    if (value == null || value.isBlank()) {
      throw DomainException.rejected("purpose: required, one of SECURITY_NOTICE, SERVICE_UPDATE, MARKETING, SALES_CALL, NOTICE_CHANGE");
    }
    try {
      return Purpose.valueOf(value.strip());
    } catch (IllegalArgumentException e) {
      throw DomainException.rejected("purpose: must be one of SECURITY_NOTICE, SERVICE_UPDATE, MARKETING, SALES_CALL, NOTICE_CHANGE");
    }
  }

  private static String required(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      throw DomainException.rejected(field + ": required");
    }
    if (value.strip().length() > max) {
      throw DomainException.rejected(field + ": at most " + max + " characters");
    }
    return value.strip();
  }
}
