package org.remoteservices.privacy.api;

/** What a requester can give that we compare with what we hold, to know whether the records are theirs. */
public enum DataPoint {
  EMAIL, NAME, PHONE, JOB_NUMBER, JOB_LOCATION
}
