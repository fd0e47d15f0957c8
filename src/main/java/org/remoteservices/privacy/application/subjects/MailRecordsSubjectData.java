package org.remoteservices.privacy.application.subjects;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.remoteservices.privacy.api.ErasureReceipt;
import org.remoteservices.privacy.api.ErasureStep;
import org.remoteservices.privacy.api.RetentionCategory;
import org.remoteservices.privacy.api.SubjectDataProvider;
import org.remoteservices.privacy.api.SubjectQuery;
import org.remoteservices.privacy.api.SubjectRecords;
import org.remoteservices.privacy.application.PrivacyMails;
import org.remoteservices.shared.data.OwnedTable;
import org.remoteservices.shared.mail.MailRecords;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The mails on record: those about the subject's records (a support request's mails name it), those sent to any
 * of the subject's addresses, and those of their privacy requests. Asked after the stores whose records mails
 * are about. The SQL is the mail store's own ({@link MailRecords}).
 */
@Component
@Order(40)
public class MailRecordsSubjectData implements SubjectDataProvider {
  public static final String STORE = "MAILS";

  private final MailRecords mails;

  public MailRecordsSubjectData(MailRecords mails) {
    this.mails = mails;
  }

  @Override
  public String store() {
    return STORE;
  }

  @Override
  public ErasureStep erasureStep() {
    return ErasureStep.MAILS;
  }

  @Override
  public List<OwnedTable> tables() {
    return MailRecords.TABLES;
  }

  @Override
  public SubjectRecords find(SubjectQuery query) {
    List<String> prefixes = query.linkedRecordIds().stream().map(PrivacyMails::keyPrefix).toList();
    List<String> ids = mails.find(query.linkedRecordIds(), query.allEmailKeys(), prefixes);
    return new SubjectRecords(STORE, ids, List.of(), mails.attachmentKeys(ids), List.of());
  }

  /** The mails about the job's cases (the support requests the support store found). */
  @Override
  public SubjectRecords findCaseRecordsOfJob(String jobNumber, Set<String> linkedRecordIds) {
    if (linkedRecordIds.isEmpty()) {
      return SubjectRecords.none(STORE);
    }
    List<String> ids = mails.find(linkedRecordIds, Set.of(), List.of());
    return new SubjectRecords(STORE, ids, List.of(), mails.attachmentKeys(ids), List.of());
  }

  @Override
  public List<String> filesToErase(SubjectRecords records, Set<RetentionCategory> retained) {
    return new ArrayList<>(mails.attachmentKeys(records.recordIds()));
  }

  @Override
  public Map<String, List<Map<String, Object>>> describe(SubjectRecords records) {
    Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
    out.put("mails_on_record", mails.describe(records.recordIds()));
    return out;
  }

  @Override
  public ErasureReceipt erase(SubjectRecords records, Set<RetentionCategory> retained, String reason) {
    return new ErasureReceipt(STORE, Map.of("MAIL", mails.delete(records.recordIds())), Map.of());
  }
}
