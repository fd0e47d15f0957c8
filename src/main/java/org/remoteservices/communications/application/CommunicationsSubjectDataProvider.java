package org.remoteservices.communications.application;

import static org.remoteservices.shared.data.OwnedTable.table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.remoteservices.communications.application.port.CommunicationStore;
import org.remoteservices.privacy.api.ErasureReceipt;
import org.remoteservices.privacy.api.Rectification;
import org.remoteservices.privacy.api.RetentionCategory;
import org.remoteservices.privacy.api.SubjectDataProvider;
import org.remoteservices.privacy.api.SubjectQuery;
import org.remoteservices.privacy.api.SubjectRecords;
import org.remoteservices.shared.data.OwnedTable;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The communications' personal data: consent and country given at intake ({@code contact_choice}) and who each
 * communication reached ({@code communication_recipient}); found by the subject's addresses and their support
 * requests. The communications themselves and the skip counts hold no personal data.
 */
@Component
@Order(25)
public class CommunicationsSubjectDataProvider implements SubjectDataProvider {
  public static final String STORE = "COMMUNICATIONS";
  static final String CHOICE = "choice:";
  static final String RECIPIENT = "recipient:";

  private final CommunicationStore store;

  public CommunicationsSubjectDataProvider(CommunicationStore store) {
    this.store = store;
  }

  @Override
  public String store() {
    return STORE;
  }

  @Override
  public List<OwnedTable> tables() {
    return List.of(
        table("contact_choice", List.of("id", "support_request_id", "email", "country", "marketing_consent", "wording_version", "source",
            "gpc_signal", "recorded_at", "gpc_note"), "email", "country"),
        table("communication", List.of("id", "purpose", "subject", "body", "job_numbers", "notice_version", "status", "chunk_size",
            "created_by", "created_at", "completed_at")),
        table("communication_recipient", List.of("communication_id", "position", "email", "name", "support_request_id", "job_number",
            "status", "updated_at"), "email", "name"),
        table("communication_skip", List.of("communication_id", "reason", "skipped")),
        // which warranty-expiry reminders were started: job, date, communication (no personal data)
        table("warranty_reminder", List.of("job_number", "warranty_until", "communication_id", "created_at")));
  }

  @Override
  public SubjectRecords find(SubjectQuery query) {
    Set<String> emails = query.allEmailKeys();
    List<String> ids = new ArrayList<>();
    store.choiceIds(emails, query.linkedRecordIds()).forEach(id -> ids.add(CHOICE + id));
    store.recipientKeys(emails).forEach(key -> ids.add(RECIPIENT + key));
    return SubjectRecords.of(STORE, ids);
  }

  @Override
  public Map<String, List<Map<String, Object>>> describe(SubjectRecords records) {
    Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
    out.put("contact_choices", store.describeChoices(of(records, CHOICE)));
    out.put("communications_received", store.describeRecipients(of(records, RECIPIENT)));
    return out;
  }

  @Override
  public ErasureReceipt erase(SubjectRecords records, Set<RetentionCategory> retained, String reason) {
    int choices = store.deleteChoices(of(records, CHOICE));
    int recipients = store.deleteRecipients(of(records, RECIPIENT));
    return new ErasureReceipt(STORE, Map.of("CONTACT_CHOICE", choices, "COMMUNICATION_RECIPIENT", recipients), Map.of());
  }

  @Override
  public int rectify(SubjectRecords records, Rectification correction) {
    if (correction.email() == null) {
      return 0;
    }
    return store.rectifyEmail(of(records, CHOICE), of(records, RECIPIENT), correction.email());
  }

  private static Set<String> of(SubjectRecords records, String prefix) {
    Set<String> out = new LinkedHashSet<>();
    records.recordIds().stream().filter(id -> id.startsWith(prefix)).forEach(id -> out.add(id.substring(prefix.length())));
    return out;
  }
}
