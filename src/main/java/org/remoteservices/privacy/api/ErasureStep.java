package org.remoteservices.privacy.api;

/**
 * The erasure steps of the {@code privacy-right} model that erase providers' rows, each its own job (retried on
 * its own, an incident of its own). Files and process instances listed in {@link SubjectRecords} are erased by
 * the model's file and engine steps, whoever listed them.
 */
public enum ErasureStep {
  /** serviceTask_eraseSupportRecords: the features' tables (support cases, job locations, earlier requests). */
  RECORDS,
  /** serviceTask_eraseMailRecords: the mails on record. */
  MAILS,
  /** serviceTask_eraseConsentFlags: the subject's standing choices. */
  FLAGS
}
