package org.remoteservices.privacy.api;

/**
 * Whether a person's data may go to a contractor (the engineering contractor abroad that receives support files for
 * select technical issues): not after they opted out of sale/sharing, limited the use of sensitive data, withdrew
 * consent, objected, or while their processing is restricted. Asked by the feature that shares, before it shares.
 */
public interface SharingPermissions {
  /** @param email the person's e-mail address as the sharing feature holds it */
  boolean mayShareWithContractors(String email);
}
