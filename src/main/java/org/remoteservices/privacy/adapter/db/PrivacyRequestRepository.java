package org.remoteservices.privacy.adapter.db;

import org.remoteservices.privacy.application.port.PrivacyRequestStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.remoteservices.privacy.domain.Jurisdiction;
import org.remoteservices.privacy.domain.PrivacyRequest;
import org.remoteservices.privacy.domain.PrivacyRight;
import org.remoteservices.privacy.domain.VerificationLevel;
import org.remoteservices.shared.lookup.LookupKeys;
import org.remoteservices.shared.time.TimeSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Privacy requests, the outcome of each right, and the evidence (declarations, permissions) behind them. */
@Repository
public class PrivacyRequestRepository implements PrivacyRequestStore {
  private final JdbcClient jdbc;
  private final TimeSource time;

  public PrivacyRequestRepository(JdbcClient jdbc, TimeSource time) {
    this.jdbc = jdbc;
    this.time = time;
  }

  public PrivacyRequest insert(NewRequest r) {
    Timestamp now = Timestamp.from(time.now());
    jdbc.sql("""
            insert into privacy_request (id, channel, jurisdiction, rights, specific_pieces, requester_name, requester_email,
              requester_phone, job_number, job_location, details, agent_name, agent_email, verification_level, verification_status,
              verification_round, status, received_at, ack_due_at, original_due_at, due_at, deadline_missed, created_at, updated_at,
              requester_email_key, requester_phone_key, agent_email_key)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 'RECEIVED', ?, ?, ?, ?, false, ?, ?, ?, ?, ?)""")
        .params(r.id(), r.channel(), r.jurisdiction().name(), r.rights().stream().map(Enum::name).collect(Collectors.joining(",")),
            r.specificPieces(), r.name(), r.email(), r.phone(), r.jobNumber(), r.jobLocation(), r.details(), r.agentName(),
            r.agentEmail(), r.level().name(), r.level() == VerificationLevel.NONE ? "NOT_REQUIRED" : "PENDING",
            Timestamp.from(r.receivedAt()), r.ackDueAt() == null ? null : Timestamp.from(r.ackDueAt()), Timestamp.from(r.dueAt()),
            Timestamp.from(r.dueAt()), now, now, LookupKeys.email(r.email()), LookupKeys.phone(r.phone()), LookupKeys.email(r.agentEmail()))
        .update();
    for (PrivacyRight right : r.rights()) {
      jdbc.sql("insert into privacy_request_right (privacy_request_id, right_type, status) values (?, ?, 'PENDING')")
          .params(r.id(), right.name()).update();
    }
    return get(r.id());
  }

  public Optional<PrivacyRequest> find(String id) {
    return jdbc.sql("select * from privacy_request where id = ?").param(id).query(PrivacyRequestRepository::map).optional();
  }

  public PrivacyRequest get(String id) {
    return find(id).orElseThrow(() -> new IllegalStateException("privacy request " + id + " does not exist"));
  }

  public void updateStatus(String id, String status) {
    jdbc.sql("update privacy_request set status = ?, updated_at = ? where id = ?").params(status, now(), id).update();
  }

  public void recordMissedReason(String id, String reason) {
    jdbc.sql("update privacy_request set deadline_missed_reason = ?, updated_at = ? where id = ?").params(reason, now(), id).update();
  }

  public Optional<Instant> acknowledgedAt(String id) {
    return jdbc.sql("select acknowledged_at from privacy_request where id = ?").param(id).query(Timestamp.class).optional()
        .map(Timestamp::toInstant);
  }

  public void markAcknowledged(String id) {
    jdbc.sql("update privacy_request set acknowledged_at = ?, updated_at = ? where id = ? and acknowledged_at is null")
        .params(now(), now(), id).update();
  }

  public void recordVerification(String id, String status, int matched) {
    jdbc.sql("update privacy_request set verification_status = ?, matched_points = ?, verification_round = verification_round + 1, updated_at = ? where id = ?")
        .params(status, matched, now(), id).update();
  }

  /** Data points the requester gave later (by phone or mail, entered by a privacy officer); only fills gaps. */
  public void addDataPoints(String id, String phone, String jobNumber, String jobLocation) {
    jdbc.sql("""
            update privacy_request set requester_phone = coalesce(requester_phone, ?), requester_phone_key = coalesce(requester_phone_key, ?),
              job_number = coalesce(job_number, ?), job_location = coalesce(job_location, ?), updated_at = ? where id = ?""")
        .params(phone, LookupKeys.phone(phone), jobNumber, jobLocation, now(), id).update();
  }

  public void confirmAgent(String id) {
    jdbc.sql("update privacy_request set agent_confirmed_at = ?, updated_at = ? where id = ?").params(now(), now(), id).update();
  }

  public void extend(String id, Instant newDue, String reason) {
    jdbc.sql("update privacy_request set due_at = ?, extension_reason = ?, extended_at = ?, updated_at = ? where id = ? and extension_reason is null")
        .params(Timestamp.from(newDue), reason, now(), now(), id).update();
  }

  public void markDeadlineMissed(String id) {
    jdbc.sql("update privacy_request set deadline_missed = true, updated_at = ? where id = ?").params(now(), id).update();
  }

  public void deny(String id, String reason) {
    jdbc.sql("update privacy_request set denial_reason = coalesce(denial_reason, ?), status = 'DENIED', completed_at = ?, updated_at = ? where id = ?")
        .params(reason, now(), now(), id).update();
  }

  public void setDenialReason(String id, String reason) {
    jdbc.sql("update privacy_request set denial_reason = ?, updated_at = ? where id = ?").params(reason, now(), id).update();
  }

  public void complete(String id) {
    jdbc.sql("update privacy_request set status = 'COMPLETED', completed_at = ?, updated_at = ? where id = ?").params(now(), now(), id).update();
  }

  public void rectify(String id, String name, String email, String phone) {
    jdbc.sql("""
            update privacy_request set requester_name = coalesce(?, requester_name), requester_email = coalesce(?, requester_email),
              requester_email_key = coalesce(?, requester_email_key), requester_phone = coalesce(?, requester_phone),
              requester_phone_key = coalesce(?, requester_phone_key), updated_at = ? where id = ?""")
        .params(name, email, LookupKeys.email(email), phone, LookupKeys.phone(phone), now(), id).update();
  }

  @Override
  public void setContactOnRecord(String id, String contact) {
    jdbc.sql("update privacy_request set contact_on_record = ?, updated_at = ? where id = ? and possession_confirmed_at is null")
        .params(contact, now(), id).update();
  }

  @Override
  public void confirmPossession(String id) {
    jdbc.sql("update privacy_request set possession_confirmed_at = ?, updated_at = ? where id = ? and contact_on_record is not null")
        .params(now(), now(), id).update();
  }

  @Override
  public void setPendingEmail(String id, String email) {
    jdbc.sql("update privacy_request set pending_email = ?, updated_at = ? where id = ?").params(email, now(), id).update();
  }

  @Override
  public void markRetentionReviewed(String id) {
    jdbc.sql("update privacy_request set retention_reviewed_at = ?, updated_at = ? where id = ?").params(now(), now(), id).update();
  }

  @Override
  public List<String> idsBySubject(java.util.Collection<String> emailKeys, String phoneKey) {
    java.util.Set<String> ids = new java.util.LinkedHashSet<>();
    if (!emailKeys.isEmpty()) {
      ids.addAll(jdbc.sql("select id from privacy_request where requester_email_key in (:keys) order by received_at")
          .param("keys", List.copyOf(emailKeys)).query(String.class).list());
    }
    if (phoneKey != null) {
      ids.addAll(jdbc.sql("select id from privacy_request where requester_phone_key = ? order by received_at").param(phoneKey).query(String.class).list());
    }
    return List.copyOf(ids);
  }

  @Override
  public List<String> idsAsAgent(java.util.Collection<String> emailKeys) {
    if (emailKeys.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("select id from privacy_request where agent_email_key in (:keys) order by received_at").param("keys", List.copyOf(emailKeys))
        .query(String.class).list();
  }

  @Override
  public void eraseAgent(String id) {
    jdbc.sql("update privacy_request set agent_name = null, agent_email = null, agent_email_key = null, updated_at = ? where id = ?")
        .params(now(), id).update();
  }

  /** The end of an erasure: the request keeps its dates, rights and decisions, no personal data. */
  public void eraseDataPoints(String id) {
    jdbc.sql("""
            update privacy_request set requester_name = null, requester_email = null, requester_phone = null, job_number = null,
              job_location = null, details = null, agent_name = null, agent_email = null, requester_email_key = null,
              requester_phone_key = null, agent_email_key = null, contact_on_record = null, pending_email = null,
              subject_erased_at = ?, updated_at = ?
            where id = ?""")
        .params(now(), now(), id).update();
  }

  // ---------------------------------------------------------------- rights

  public void recordRightOutcome(String id, PrivacyRight right, String status, String outcome) {
    jdbc.sql("update privacy_request_right set status = ?, outcome = ?, completed_at = ? where privacy_request_id = ? and right_type = ?")
        .params(status, outcome, now(), id, right.name()).update();
  }

  public List<RightOutcome> rightOutcomes(String id) {
    return jdbc.sql("select right_type, status, outcome, completed_at from privacy_request_right where privacy_request_id = ? order by right_type")
        .param(id)
        .query((rs, n) -> new RightOutcome(PrivacyRight.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3), instant(rs, 4)))
        .list();
  }

  public Optional<PrivacyRequest> openRequestWithRight(String email, PrivacyRight right, String excludingId) {
    String key = LookupKeys.email(email);
    if (key == null) {
      return Optional.empty();
    }
    return jdbc.sql("""
            select p.id from privacy_request p join privacy_request_right r on r.privacy_request_id = p.id
            where p.requester_email_key = ? and p.id <> ? and p.completed_at is null and p.status <> 'DENIED'
              and r.right_type = ? and r.status = 'PENDING' and r.linked_request_id is null
            order by p.received_at, p.ref_seq""")
        .params(key, excludingId, right.name()).query(String.class).list().stream().findFirst().map(this::get);
  }

  public void linkRight(String id, PrivacyRight right, String linkedRequestId, String outcome) {
    jdbc.sql("update privacy_request_right set status = 'LINKED', linked_request_id = ?, outcome = ?, completed_at = ? where privacy_request_id = ? and right_type = ?")
        .params(linkedRequestId, outcome, now(), id, right.name()).update();
  }

  public List<PrivacyRight> rightsToRun(String id) {
    return jdbc.sql("select right_type from privacy_request_right where privacy_request_id = ? and linked_request_id is null order by right_type")
        .param(id).query(String.class).list().stream().map(PrivacyRight::valueOf).toList();
  }

  public void markSplitFrom(String id, String mainRequestId) {
    jdbc.sql("update privacy_request set split_from_id = ?, updated_at = ? where id = ?").params(mainRequestId, now(), id).update();
  }

  public Optional<String> splitFrom(String id) {
    return jdbc.sql("select split_from_id from privacy_request where id = ?").param(id).query(String.class).optional();
  }

  // ---------------------------------------------------------------- evidence

  public void insertEvidence(String id, String requestId, String kind, String method, String fileKey, String sha256) {
    jdbc.sql("insert into privacy_evidence (id, privacy_request_id, kind, method, file_key, sha256, received_at) values (?, ?, ?, ?, ?, ?, ?)")
        .params(id, requestId, kind, method, fileKey, sha256, now()).update();
  }

  public List<Evidence> evidence(String requestId) {
    return jdbc.sql("select id, kind, method, file_key, sha256, received_at from privacy_evidence where privacy_request_id = ? order by received_at")
        .param(requestId)
        .query((rs, n) -> new Evidence(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), instant(rs, 6)))
        .list();
  }

  /** The signed copy's file goes with the subject; its hash and date stay as the record that it existed. */
  public void forgetEvidenceFiles(String requestId) {
    jdbc.sql("update privacy_evidence set file_key = null where privacy_request_id = ?").param(requestId).update();
  }

  private Timestamp now() {
    return Timestamp.from(time.now());
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  private static PrivacyRequest map(ResultSet rs, int n) throws SQLException {
    return new PrivacyRequest(
        rs.getString("id"), rs.getLong("ref_seq"), rs.getString("channel"), Jurisdiction.valueOf(rs.getString("jurisdiction")),
        Arrays.stream(rs.getString("rights").split(",")).map(PrivacyRight::valueOf).toList(), rs.getBoolean("specific_pieces"),
        rs.getString("requester_name"), rs.getString("requester_email"), rs.getString("requester_phone"), rs.getString("job_number"),
        rs.getString("job_location"), rs.getString("details"), rs.getString("agent_name"), rs.getString("agent_email"),
        instant(rs, "agent_confirmed_at"), VerificationLevel.valueOf(rs.getString("verification_level")),
        rs.getString("verification_status"), (Integer) rs.getObject("matched_points"), rs.getInt("verification_round"),
        rs.getString("status"), instant(rs, "received_at"), instant(rs, "ack_due_at"), instant(rs, "original_due_at"),
        instant(rs, "due_at"), rs.getString("extension_reason"), rs.getBoolean("deadline_missed"), rs.getString("denial_reason"),
        instant(rs, "completed_at"), rs.getString("contact_on_record"), instant(rs, "possession_confirmed_at"), rs.getString("pending_email"),
        instant(rs, "retention_reviewed_at"));
  }
}
