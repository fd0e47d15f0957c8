package org.remoteservices.privacy.application.subjects;

import static org.remoteservices.shared.data.OwnedTable.table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.remoteservices.privacy.api.ErasureReceipt;
import org.remoteservices.privacy.api.RetentionCategory;
import org.remoteservices.privacy.api.SubjectDataProvider;
import org.remoteservices.privacy.api.SubjectQuery;
import org.remoteservices.privacy.api.SubjectRecords;
import org.remoteservices.privacy.application.port.PrivacyRequestStore;
import org.remoteservices.privacy.domain.PrivacyRequest;
import org.remoteservices.shared.data.OwnedTable;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The privacy feature's own store: the subject's privacy requests (as requester or as someone's agent) and the
 * feature's bookkeeping tables. An erasure keeps each earlier request's dates, rights and outcomes and erases
 * its data points and evidence files; the request being answered erases its own contact data last, after the
 * final response ({@code ErasureCertificates#eraseRequesterContact}).
 */
@Component
@Order(30)
public class PrivacyRequestsSubjectData implements SubjectDataProvider {
  public static final String STORE = "PRIOR_REQUESTS";

  private final PrivacyRequestStore requests;

  public PrivacyRequestsSubjectData(PrivacyRequestStore requests) {
    this.requests = requests;
  }

  @Override
  public String store() {
    return STORE;
  }

  @Override
  public List<OwnedTable> tables() {
    return List.of(
        table("privacy_request", List.of("id", "ref_seq", "channel", "jurisdiction", "rights", "specific_pieces", "requester_name",
            "requester_email", "requester_phone", "job_number", "job_location", "details", "agent_name", "agent_email", "agent_confirmed_at",
            "verification_level", "verification_status", "matched_points", "verification_round", "status", "received_at", "ack_due_at",
            "acknowledged_at", "original_due_at", "due_at", "extension_reason", "extended_at", "deadline_missed", "denial_reason",
            "completed_at", "subject_erased_at", "created_at", "updated_at"),
            "requester_name", "requester_email", "requester_phone", "job_number", "job_location", "details", "agent_name", "agent_email"),
        table("privacy_request_right", List.of("privacy_request_id", "right_type", "status", "outcome", "completed_at")),
        table("privacy_evidence", List.of("id", "privacy_request_id", "kind", "method", "file_key", "sha256", "received_at")),
        table("privacy_legal_hold", List.of("id", "job_number", "category", "legal_basis", "hold_until", "created_at")),
        table("privacy_retention", List.of("privacy_request_id", "category", "legal_basis", "decided_by", "decided_at")),
        // the plan holds ids, file keys and the subject's salted keys (pseudonymous), erased with the request's contact data
        table("privacy_erasure_item", List.of("privacy_request_id", "store", "item_ref", "erased_at"), "item_ref"),
        table("privacy_erasure_receipt", List.of("privacy_request_id", "store", "erased", "kept", "recorded_at")),
        // recipients' business addresses, not the subject's
        table("privacy_recipient_notice", List.of("id", "privacy_request_id", "action", "recipient_role", "recipient_email", "notified_at"),
            "recipient_email"),
        table("erasure_tombstone", List.of("id", "privacy_request_id", "subject_hash", "request_received_at", "erased_at",
            "erased_categories", "retained_categories", "backups_age_out_on")));
  }

  @Override
  public SubjectRecords find(SubjectQuery query) {
    if (query.emailKey() == null) {
      return SubjectRecords.none(STORE);
    }
    List<String> ids = requests.idsByEmail(query.emailKey());
    List<String> files = new ArrayList<>();
    ids.forEach(id -> requests.evidence(id).stream().map(PrivacyRequestStore.Evidence::fileKey).filter(Objects::nonNull).forEach(files::add));
    return new SubjectRecords(STORE, ids, List.of(), files, List.of());
  }

  /** The evidence files of exactly these requests (the planner leaves out the request being answered). */
  @Override
  public List<String> filesToErase(SubjectRecords records, Set<RetentionCategory> retained) {
    List<String> files = new ArrayList<>();
    records.recordIds().forEach(id -> requests.evidence(id).stream().map(PrivacyRequestStore.Evidence::fileKey).filter(Objects::nonNull)
        .forEach(files::add));
    return files;
  }

  @Override
  public Map<String, List<Map<String, Object>>> describe(SubjectRecords records) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (String id : records.recordIds()) {
      PrivacyRequest r = requests.get(id);
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("reference", r.reference());
      row.put("rights", String.join(", ", r.rights().stream().map(Enum::name).toList()));
      row.put("status", r.status());
      row.put("received_at", r.receivedAt());
      rows.add(row);
    }
    Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
    out.put("privacy_requests", rows);
    return out;
  }

  @Override
  public ErasureReceipt erase(SubjectRecords records, Set<RetentionCategory> retained, String reason) {
    for (String id : records.recordIds()) {
      requests.eraseDataPoints(id);
      requests.forgetEvidenceFiles(id);
    }
    return new ErasureReceipt(STORE, Map.of("PRIVACY_REQUEST", records.recordIds().size()),
        records.isEmpty() ? Map.of() : Map.of("earlier privacy requests: dates, rights and outcomes", "the record that they were answered"));
  }

  @Override
  public int rectify(SubjectRecords records, org.remoteservices.privacy.api.Rectification correction) {
    return 0; // the request being answered is rectified by SubjectChoicesService itself; earlier ones stay as they were asked
  }
}
