package org.remoteservices.privacy.api;

import java.util.Optional;

/**
 * The recipient and transfer register as other features see it: before support files go to a contractor, the sharing
 * feature looks up the entry it names (who, where, under which safeguard) and records the share against it.
 */
public interface TransferRegister {
  /**
   * @param role PROCESSOR, CONTRACTOR or RECIPIENT
   * @param safeguardNeeded the country is outside the EEA, the UK and Switzerland (the United States, India)
   */
  record Entry(String id, String name, String role, String country, String transferSafeguard, String contactEmail,
      boolean safeguardNeeded) {
    /** A transfer to this entry is lawful as registered: inside the area, or with its safeguard (standard contractual clauses). */
    public boolean transferSafeguarded() {
      return !safeguardNeeded || (transferSafeguard != null && !transferSafeguard.isBlank());
    }
  }

  Optional<Entry> find(String id);
}
