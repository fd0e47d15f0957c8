package org.remoteservices.jobs.api;

import java.time.LocalDate;

/** A customer installation ("job") in the registry: a support request must name a registered job number. */
public record Job(
    String jobNumber,
    String jobName,
    String locationAddress,
    Contact siteContact,
    Contact schedulingContact,
    LocalDate systemObsolescenceDate,
    String timeZone,
    LocalDate warrantyUntil) {

  /** A job in UTC (the site's zone not given). */
  public Job(String jobNumber, String jobName, String locationAddress, Contact siteContact, Contact schedulingContact,
      LocalDate systemObsolescenceDate) {
    this(jobNumber, jobName, locationAddress, siteContact, schedulingContact, systemObsolescenceDate, "UTC", null);
  }

  /** A job without a warranty date. */
  public Job(String jobNumber, String jobName, String locationAddress, Contact siteContact, Contact schedulingContact,
      LocalDate systemObsolescenceDate, String timeZone) {
    this(jobNumber, jobName, locationAddress, siteContact, schedulingContact, systemObsolescenceDate, timeZone, null);
  }

  /** The same job with another warranty date (null: none). */
  public Job withWarrantyUntil(LocalDate date) {
    return new Job(jobNumber, jobName, locationAddress, siteContact, schedulingContact, systemObsolescenceDate, timeZone, date);
  }

  public Job {
    timeZone = timeZone == null || timeZone.isBlank() ? "UTC" : timeZone;
  }

  /** The site's time zone: session times are agreed and mailed in it (an unknown id counts as UTC). */
  public java.time.ZoneId zone() {
    try {
      return java.time.ZoneId.of(timeZone);
    } catch (java.time.DateTimeException e) {
      return java.time.ZoneOffset.UTC;
    }
  }

  public record Contact(String name, String email, String phone) {
    @Override
    public String toString() { // a contact person's name, email and phone are personal data
      return "Contact[personal data not shown]";
    }
  }
}
