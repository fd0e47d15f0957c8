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
import org.remoteservices.privacy.application.port.PrivacyDownloadStore;
import org.remoteservices.privacy.application.port.PrivacyRequestStore;
import org.remoteservices.privacy.domain.PrivacyRequest;
import org.remoteservices.shared.data.OwnedTable;
import org.remoteservices.shared.lookup.LookupKeys;
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
  private final PrivacyDownloadStore downloads;

  public PrivacyRequestsSubjectData(PrivacyRequestStore requests, PrivacyDownloadStore downloads) {
    this.requests = requests;
    this.downloads = downloads;
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
            "completed_at", "subject_erased_at", "created_at", "updated_at", "contact_on_record", "possession_confirmed_at", "pending_email",
            "retention_reviewed_at", "requester_email_key", "requester_phone_key", "agent_email_key", "split_from_id", "deadline_missed_reason"),
            "requester_name", "requester_email", "requester_phone", "job_number", "job_location", "details", "agent_name", "agent_email",
            "contact_on_record", "pending_email", "requester_email_key", "requester_phone_key", "agent_email_key"),
        table("privacy_request_right", List.of("privacy_request_id", "right_type", "status", "outcome", "completed_at", "linked_request_id")),
        table("privacy_restriction_lift", List.of("privacy_request_id", "reason", "requested_by", "requested_at", "notice_sent_at", "lift_at",
            "lifted_at")),
        table("privacy_evidence", List.of("id", "privacy_request_id", "kind", "method", "file_key", "sha256", "received_at")),
        table("privacy_legal_hold", List.of("id", "job_number", "category", "legal_basis", "hold_until", "created_at")),
        table("privacy_retention", List.of("privacy_request_id", "category", "legal_basis", "decided_by", "decided_at")),
        // the plan holds ids, file keys and the subject's salted keys (pseudonymous), erased with the request's contact data
        table("privacy_erasure_item", List.of("privacy_request_id", "store", "item_ref", "erased_at"), "item_ref"),
        table("privacy_erasure_receipt", List.of("privacy_request_id", "store", "erased", "kept", "recorded_at")),
        table("privacy_download", List.of("id", "privacy_request_id", "file_kind", "file_key", "code_hash", "failed_attempts", "expires_at",
            "downloaded_at", "purged_at", "created_at")),
        // recipients' business addresses, not the subject's
        table("privacy_recipient_notice", List.of("id", "privacy_request_id", "action", "recipient_role", "recipient_email", "notified_at",
            "receipt_confirmed_at", "reminded_at"),
            "recipient_email"),
        table("erasure_tombstone", List.of("id", "privacy_request_id", "subject_hash", "request_received_at", "erased_at",
            "erased_categories", "retained_categories", "backups_age_out_on")));
  }

  /** A request in which the subject was someone else's agent: its record id in this store. */
  static final String AGENT_PREFIX = "agent:";

  /**
   * The subject's own requests, by any of their e-mail keys (the one they wrote from and those on record), or by
   * their phone together with their name (a phone alone never makes someone else's request theirs); and, as
   * {@code agent:<id>}, the requests in which they acted for someone else: only their role as agent is theirs.
   */
  @Override
  public SubjectRecords find(SubjectQuery query) {
    Set<String> emailKeys = query.allEmailKeys();
    List<String> ids = new ArrayList<>();
    for (String id : requests.idsBySubject(emailKeys, query.phoneKey())) {
      PrivacyRequest r = requests.get(id);
      boolean byEmail = r.email() != null && emailKeys.contains(LookupKeys.email(r.email()));
      if (byEmail || LookupKeys.sameName(r.name(), query.name())) {
        ids.add(id);
      }
    }
    requests.idsAsAgent(emailKeys).stream().filter(id -> !ids.contains(id)).forEach(id -> ids.add(AGENT_PREFIX + id));
    return new SubjectRecords(STORE, ids, List.of(), evidenceFiles(ids), List.of());
  }

  /** The evidence files of exactly these requests of the subject's own (the planner leaves out the request being answered). */
  @Override
  public List<String> filesToErase(SubjectRecords records, Set<RetentionCategory> retained) {
    return evidenceFiles(records.recordIds());
  }

  /** Evidence files, and access reports or exports still waiting for their download, of the subject's own requests. */
  private List<String> evidenceFiles(List<String> ids) {
    List<String> files = new ArrayList<>();
    for (String id : ids.stream().filter(i -> !i.startsWith(AGENT_PREFIX)).toList()) {
      requests.evidence(id).stream().map(PrivacyRequestStore.Evidence::fileKey).filter(Objects::nonNull).forEach(files::add);
      downloads.ofRequest(id).stream().map(PrivacyDownloadStore.Download::fileKey).filter(Objects::nonNull).forEach(files::add);
    }
    return files;
  }

  @Override
  public Map<String, List<Map<String, Object>>> describe(SubjectRecords records) {
    List<Map<String, Object>> rows = new ArrayList<>();
    List<Map<String, Object>> asAgent = new ArrayList<>();
    for (String id : records.recordIds()) {
      if (id.startsWith(AGENT_PREFIX)) {
        PrivacyRequest r = requests.get(id.substring(AGENT_PREFIX.length()));
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("reference", r.reference()); // whom they acted for is that person's data, not theirs
        row.put("role", "authorized agent");
        row.put("received_at", r.receivedAt());
        asAgent.add(row);
        continue;
      }
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
    if (!asAgent.isEmpty()) {
      out.put("privacy_requests_as_agent", asAgent);
    }
    return out;
  }

  /** Own requests lose their data points and evidence files; as an agent, only the agent's name and address go. */
  @Override
  public ErasureReceipt erase(SubjectRecords records, Set<RetentionCategory> retained, String reason) {
    int own = 0;
    int asAgent = 0;
    for (String id : records.recordIds()) {
      if (id.startsWith(AGENT_PREFIX)) {
        requests.eraseAgent(id.substring(AGENT_PREFIX.length()));
        asAgent++;
      } else {
        requests.eraseDataPoints(id);
        requests.forgetEvidenceFiles(id);
        own++;
      }
    }
    return new ErasureReceipt(STORE, Map.of("PRIVACY_REQUEST", own, "AGENT_ROLE", asAgent),
        own == 0 ? Map.of() : Map.of("earlier privacy requests: dates, rights and outcomes", "the record that they were answered"));
  }


  @Override
  public int rectify(SubjectRecords records, org.remoteservices.privacy.api.Rectification correction) {
    return 0; // the request being answered is rectified by SubjectChoicesService itself; earlier ones stay as they were asked
  }
}
