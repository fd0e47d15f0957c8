package org.remoteservices.jobs.adapter.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.remoteservices.jobs.api.Job;
import org.remoteservices.jobs.application.JobRegistry;
import org.remoteservices.shared.security.StaffOnly;
import org.remoteservices.shared.security.Groups;
import org.remoteservices.shared.validation.StoredLowerCase;
import org.remoteservices.shared.error.DomainException;
import org.remoteservices.shared.web.PlainText;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The job registry, for operators: list and register the installations that may ask for remote support, change their obsolescence date. */
@RestController
@RequestMapping("/api/jobs")
public class JobController {
  static final String JOB_NUMBER = "[A-Za-z0-9][A-Za-z0-9-]{1,31}";
  /** Digits and separators. The pattern alone allows 41 characters; {@code @Size} keeps it to the 40 of the column. */
  static final String PHONE = "\\+?[0-9 ()./-]{6,40}";

  private final JobRegistry jobs;

  public JobController(JobRegistry jobs) {
    this.jobs = jobs;
  }

  @GetMapping
  @StaffOnly({Groups.OPERATORS, Groups.ADMINS, Groups.TECHNICIANS})
  public List<Job> list(@RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "100") int limit) {
    if (offset < 0 || limit < 1 || limit > 500) {
      throw DomainException.rejected("offset must be >= 0 and limit between 1 and 500");
    }
    return jobs.list(offset, limit);
  }

  @GetMapping("/{jobNumber}")
  @StaffOnly({Groups.OPERATORS, Groups.ADMINS, Groups.TECHNICIANS})
  public Job get(@PathVariable String jobNumber) {
    return jobs.find(jobNumber).orElseThrow(() -> DomainException.notFound("no job " + jobNumber));
  }

  @PostMapping
  @StaffOnly
  public ResponseEntity<Job> register(@Valid @RequestBody JobRegistration registration) {
    Job job = registration.toJob();
    jobs.register(job); // 409 if the number is taken
    return ResponseEntity.created(URI.create("/api/jobs/" + job.jobNumber())).body(job);
  }

  /**
   * Operators change a job's system obsolescence date: 200 with the job; its record-retention timer moves to the new date
   * + 10 years (by message, the instance is not restarted); and/or its warranty date. Neither given, or a malformed date:
   * 400; an unknown job: 404.
   */
  @PatchMapping("/{jobNumber}")
  @StaffOnly
  public Job change(@PathVariable String jobNumber, @Valid @RequestBody JobChange change) {
    try {
      return jobs.change(jobNumber, change.systemObsolescenceDate(), change.warrantyUntil(), change.removesWarranty());
    } catch (org.springframework.dao.DuplicateKeyException e) {
      // the hourly warranty pass started this date's reminder in the same instant: nothing of this change was stored
      throw DomainException.conflict("The warranty reminder of job " + jobNumber + " was being started at the same moment; nothing was "
          + "changed. Try again.");
    }
  }

  /**
   * The fields a PATCH may change, at least one; anything else in the body is refused (unknown properties fail). A new
   * {@code warrantyUntil} moves the warranty-expiry reminder (docs/communications.md); {@code "warrantyUntil": null}
   * removes the date (JSON merge-patch: a member given as null is removed, one left out stays as it is).
   */
  public static final class JobChange {
    private LocalDate systemObsolescenceDate;
    private LocalDate warrantyUntil;
    private boolean warrantyGiven;

    public LocalDate systemObsolescenceDate() {
      return systemObsolescenceDate;
    }

    public LocalDate warrantyUntil() {
      return warrantyUntil;
    }

    /** {@code "warrantyUntil": null} was sent (not merely left out). */
    public boolean removesWarranty() {
      return warrantyGiven && warrantyUntil == null;
    }

    @com.fasterxml.jackson.annotation.JsonSetter("systemObsolescenceDate")
    void systemObsolescenceDate(LocalDate date) {
      systemObsolescenceDate = date;
    }

    @com.fasterxml.jackson.annotation.JsonSetter("warrantyUntil")
    void warrantyUntil(LocalDate date) {
      warrantyUntil = date;
      warrantyGiven = true;
    }
  }

  public record JobRegistration(
      @NotBlank @Pattern(regexp = JOB_NUMBER, message = "must be 2-32 letters, digits or dashes") String jobNumber,
      @NotBlank @Size(max = 200) @PlainText String jobName,
      @NotBlank @Size(max = 500) @PlainText(multiline = true) String locationAddress,
      @NotNull @Valid ContactDetails siteContact,
      @NotNull @Valid ContactDetails schedulingContact,
      @NotNull LocalDate systemObsolescenceDate,
      @Size(max = 64) @Pattern(regexp = "[A-Za-z][A-Za-z0-9_+/-]{0,63}", message = "must be a time zone like Europe/Berlin") String timeZone,
      LocalDate warrantyUntil) {

    Job toJob() {
      String zone = timeZone == null || timeZone.isBlank() ? "UTC" : timeZone.strip();
      try {
        zone = java.time.ZoneId.of(zone).getId();
      } catch (java.time.DateTimeException e) {
        throw DomainException.rejected("timeZone: " + zone + " is not a time zone; use an IANA id like Europe/Berlin or America/New_York");
      }
      return new Job(jobNumber.strip(), jobName.strip(), locationAddress.strip(), siteContact.toContact(),
          schedulingContact.toContact(), systemObsolescenceDate, zone, warrantyUntil);
    }
  }

  public record ContactDetails(
      @NotBlank @Size(max = 200) @PlainText String name,
      @NotBlank @Email @Size(max = 254) @StoredLowerCase(max = 254) @PlainText String email,
      @Size(max = 40) @Pattern(regexp = PHONE, message = "must be a phone number") String phone) {

    @Override
    public String toString() { // Spring logs request bodies at DEBUG
      return "ContactDetails[personal data not shown]";
    }

    Job.Contact toContact() {
      return new Job.Contact(name.strip(), email.strip().toLowerCase(java.util.Locale.ROOT), phone == null ? null : phone.strip());
    }
  }
}
