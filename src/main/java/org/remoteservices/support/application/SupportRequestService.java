package org.remoteservices.support.application;

import java.util.Locale;
import java.util.UUID;
import org.remoteservices.communications.api.IntakeChoices;
import org.remoteservices.jobs.api.JobDirectory;
import org.remoteservices.privacy.api.ContactPermissions;
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
  private final IntakeChoices choices;
  private final ContactPermissions permissions;

  public SupportRequestService(SupportRequestStore requests, JobDirectory jobs, RemoteSupportProcessPort process, IntakeChoices choices,
      ContactPermissions permissions) {
    this.requests = requests;
    this.jobs = jobs;
    this.process = process;
    this.choices = choices;
    this.permissions = permissions;
  }

  /** What the requester chose on the form: marketing consent (default no), country (ISO 3166-1 alpha-2 or null), the GPC signal. */
  public record Choices(boolean marketingConsent, String country, boolean optOutSignal, String source) {
    public static final Choices NONE = new Choices(false, null, false, "SUPPORT_REQUEST_API");
  }

  /** The stored request, and whether an opt-out preference signal was honored (and what earlier choice it overrode). */
  public record Submitted(SupportRequest request, boolean gpcHonored, String gpcNote) {}

  @Transactional
  public SupportRequest submit(String name, String phone, String email, String jobNumber) {
    return submit(name, phone, email, jobNumber, Choices.NONE).request();
  }

  /**
   * Stores the request and starts its process in one transaction: either both exist afterwards or
   * neither. An unknown job number is refused (422) before anything is stored.
   */
  @Transactional
  public Submitted submit(String name, String phone, String email, String jobNumber, Choices choice) {
    if (!jobs.exists(jobNumber)) {
      throw DomainException.unprocessable("job number " + jobNumber + " is not in our job registry; "
          + "check the number on your service paperwork or contact Remote Services");
    }
    String id = UUID.randomUUID().toString();
    SupportRequest request = requests.insert(id, jobNumber, name, email.toLowerCase(Locale.ROOT), phone);
    choices.record(id, email, choice.marketingConsent(), choice.country(), choice.source(), choice.optOutSignal());
    String note = null;
    if (choice.optOutSignal()) {
      note = permissions.honorOptOutSignal(email, id).orElse(null);
    }
    process.start(id);
    LOG.info("support request {} ({}) received for job {}", id, request.caseNumber(), jobNumber);
    return new Submitted(request, choice.optOutSignal(), note);
  }
}
