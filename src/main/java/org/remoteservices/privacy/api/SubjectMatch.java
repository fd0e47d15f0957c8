package org.remoteservices.privacy.api;

import java.util.Set;

/**
 * One record of a provider that belongs to the subject, with the data points that agree with the request.
 * Only records the subject gave us themselves (a support request they made) count for verification.
 *
 * @param recordId the provider's id of the record
 * @param jobNumber the job the record is about, when it is about one (for legal holds and jurisdiction)
 * @param emailOnRecord the e-mail address this record holds for the subject: where answers may go
 * @param matched the data points of the request that agree with this record
 */
public record SubjectMatch(String recordId, String jobNumber, String emailOnRecord, Set<DataPoint> matched) {
  public SubjectMatch {
    matched = Set.copyOf(matched);
  }

  @Override
  public String toString() {
    return "SubjectMatch[" + recordId + ", " + matched + "]";
  }
}
