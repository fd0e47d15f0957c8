package org.remoteservices.jobs.api;

import java.time.LocalDate;

/** A customer installation ("job") in the registry: a support request must name a registered job number. */
public record Job(
    String jobNumber,
    String jobName,
    String locationAddress,
    Contact siteContact,
    Contact schedulingContact,
    LocalDate systemObsolescenceDate) {

  public record Contact(String name, String email, String phone) {
    @Override
    public String toString() { // a contact person's name, email and phone are personal data
      return "Contact[personal data not shown]";
    }
  }
}
