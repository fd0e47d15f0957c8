package org.remoteservices.privacy.domain;

import java.util.List;

/**
 * One entry of the recipient and transfer register: who receives personal data, in which role, where, which
 * categories, on which legal basis, with which transfer safeguard (outside the EEA, the UK and Switzerland), and the
 * organisation's privacy contact.
 */
public record RegisteredRecipient(String id, String name, Role role, String country, List<String> dataCategories, String legalBasis,
    String transferSafeguard, String contactEmail) {

  public enum Role {
    /** Processes personal data on our behalf (GDPR Art. 28), e.g. the mail delivery service. */
    PROCESSOR,
    /** A contractor we share data with for the service, e.g. the engineering contractor abroad. */
    CONTRACTOR,
    /** Any other recipient (Art. 4(9)). */
    RECIPIENT
  }

  public RegisteredRecipient {
    dataCategories = dataCategories == null ? List.of() : List.copyOf(dataCategories);
  }

  /** A transfer outside the EEA, the UK and Switzerland needs a safeguard (standard contractual clauses, Art. 46). */
  public static boolean needsSafeguard(String country) {
    return !WITHOUT_SAFEGUARD.contains(country);
  }

  private static final List<String> WITHOUT_SAFEGUARD = List.of("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU",
      "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO", "GB", "CH");
}
