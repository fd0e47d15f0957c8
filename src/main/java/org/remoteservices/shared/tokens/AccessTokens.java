package org.remoteservices.shared.tokens;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import org.remoteservices.shared.data.DataOwner;
import org.remoteservices.shared.data.OwnedTable;
import org.remoteservices.shared.files.FileStore;
import org.remoteservices.shared.time.TimeSource;
import org.remoteservices.shared.error.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import java.nio.charset.StandardCharsets;

/**
 * The links mailed to customers. A token is 256 random bits (URL-safe Base64), scoped to one purpose and
 * one target, expiring, and single-use where that is its meaning. Only its SHA-256 is stored, so a copy of
 * the database does not open anyone's link.
 */
@Component
public class AccessTokens implements DataOwner {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern TOKEN_SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

  private final JdbcClient jdbc;
  private final TimeSource time;

  public AccessTokens(JdbcClient jdbc, TimeSource time) {
    this.jdbc = jdbc;
    this.time = time;
  }

  /** Creates a token; the returned raw value goes into the mail and nowhere else. */
  public String issue(TokenPurpose purpose, String targetId, Instant expiresAt) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    jdbc.sql("insert into access_token (token_hash, purpose, target_id, expires_at, created_at) values (?, ?, ?, ?, ?)")
        .params(hash(token), purpose.name(), targetId, Timestamp.from(expiresAt), Timestamp.from(time.now()))
        .update();
    return token;
  }

  /**
   * The target of a valid token: 404 for an unknown or malformed token (or one for another purpose),
   * 410 for an expired or used one.
   */
  public String resolve(TokenPurpose purpose, String token) {
    if (token == null || !TOKEN_SHAPE.matcher(token).matches()) {
      throw DomainException.notFound("unknown link");
    }
    record Row(String targetId, Timestamp expiresAt, Timestamp usedAt) {}
    Row row = jdbc.sql("select target_id, expires_at, used_at from access_token where token_hash = ? and purpose = ?")
        .params(hash(token), purpose.name())
        .query((rs, n) -> new Row(rs.getString(1), rs.getTimestamp(2), rs.getTimestamp(3)))
        .optional()
        .orElseThrow(() -> DomainException.notFound("unknown link"));
    if (row.usedAt() != null) {
      throw DomainException.gone("this link has already been used");
    }
    if (!row.expiresAt().toInstant().isAfter(time.now())) {
      throw DomainException.gone("this link has expired");
    }
    return row.targetId();
  }

  /** Marks the token used; fails (410) if another request used it first. Call in the using transaction. */
  @Transactional
  public void markUsed(TokenPurpose purpose, String token) {
    int updated = jdbc.sql("update access_token set used_at = ? where token_hash = ? and purpose = ? and used_at is null")
        .params(Timestamp.from(time.now()), hash(token), purpose.name())
        .update();
    if (updated != 1) {
      throw DomainException.gone("this link has already been used");
    }
  }

  /** Ends every open token of a target (the request expired, the form was replaced). */
  public void revokeAll(String targetId) {
    jdbc.sql("update access_token set expires_at = ? where target_id = ? and used_at is null and expires_at > ?")
        .params(Timestamp.from(time.now()), targetId, Timestamp.from(time.now()))
        .update();
  }

  /** Deletes every token of these targets, used or not (an erasure: the links' targets are gone). Returns the rows deleted. */
  public int forgetTargets(Collection<String> targetIds) {
    if (targetIds.isEmpty()) {
      return 0;
    }
    return jdbc.sql("delete from access_token where target_id in (:ids)").param("ids", List.copyOf(targetIds)).update();
  }

  /** The token table: hashes, purposes, target ids and dates; no personal data. */
  @Override
  public List<OwnedTable> tables() {
    return List.of(OwnedTable.table("access_token", List.of("token_hash", "purpose", "target_id", "expires_at", "used_at", "created_at")));
  }

  static String hash(String token) {
    return FileStore.sha256(token.getBytes(StandardCharsets.US_ASCII));
  }
}
