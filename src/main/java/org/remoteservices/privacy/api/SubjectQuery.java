package org.remoteservices.privacy.api;

import java.util.Set;

/**
 * Who a privacy request is about, as the requester described them, in normalised form (see
 * {@code shared.lookup.LookupKeys}): the e-mail key (lower case), the phone key (digits only), and the name,
 * job number and job location as typed. Any of them may be null.
 *
 * <p>The linked sets grow as providers are asked in order: {@code linkedRecordIds} are the record ids that
 * earlier providers found to be the subject's (support request ids, for instance), {@code linkedEmailKeys} the
 * e-mail keys on record of their matches besides the requester's own. A store that keeps only references to
 * other stores' records (mails on record name the support request they belong to) finds the subject's rows
 * through them.
 */
public record SubjectQuery(String emailKey, String phoneKey, String name, String jobNumber, String jobLocation,
    Set<String> linkedRecordIds, Set<String> linkedEmailKeys) {
  public SubjectQuery {
    linkedRecordIds = linkedRecordIds == null ? Set.of() : Set.copyOf(linkedRecordIds);
    linkedEmailKeys = linkedEmailKeys == null ? Set.of() : Set.copyOf(linkedEmailKeys);
  }

  public SubjectQuery(String emailKey, String phoneKey, String name, String jobNumber, String jobLocation) {
    this(emailKey, phoneKey, name, jobNumber, jobLocation, Set.of(), Set.of());
  }

  public SubjectQuery withLinked(Set<String> recordIds, Set<String> emailKeys) {
    return new SubjectQuery(emailKey, phoneKey, name, jobNumber, jobLocation, recordIds, emailKeys);
  }

  /** The requester's e-mail key and every linked one. */
  public Set<String> allEmailKeys() {
    java.util.Set<String> all = new java.util.LinkedHashSet<>();
    if (emailKey != null) {
      all.add(emailKey);
    }
    all.addAll(linkedEmailKeys);
    return all;
  }

  @Override
  public String toString() { // the query is personal data
    return "SubjectQuery[personal data not shown]";
  }
}
