package org.remoteservices.privacy.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.remoteservices.privacy.api.ErasureReceipt;
import org.remoteservices.privacy.api.RetentionCategory;
import org.remoteservices.privacy.application.port.PrivacyDocumentRenderer;
import org.remoteservices.privacy.application.port.PrivacyRecordStore;
import org.remoteservices.privacy.application.port.PrivacyRequestStore;
import org.remoteservices.privacy.domain.PrivacyRequest;
import org.remoteservices.privacy.domain.PrivacyRight;
import org.remoteservices.shared.files.FileStore;
import org.remoteservices.shared.mail.MailAttachment;
import org.remoteservices.shared.mail.MailRecords;
import org.remoteservices.shared.time.TimeSource;
import org.remoteservices.shared.tokens.AccessTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The end of an erasure: a tombstone without personal data (salted hash, dates, what each store erased and
 * kept) and the certificate PDF that the final response carries, listing every provider's receipt; after the
 * final response, the request's own contact data, mails, evidence and links go too.
 */
@Service
public class ErasureCertificates {
  private static final Logger LOG = LoggerFactory.getLogger(ErasureCertificates.class);
  public static final String CERTIFICATE_FILE = "erasure-certificate.pdf";

  private final PrivacyRequestStore requests;
  private final PrivacyRecordStore records;
  private final SubjectKeys keys;
  private final PrivacyDocumentRenderer documents;
  private final MailRecords mails;
  private final AccessTokens tokens;
  private final FileStore files;
  private final PrivacyPolicy policy;
  private final TimeSource time;

  public ErasureCertificates(PrivacyRequestStore requests, PrivacyRecordStore records, SubjectKeys keys, PrivacyDocumentRenderer documents,
      MailRecords mails, AccessTokens tokens, FileStore files, PrivacyPolicy policy, TimeSource time) {
    this.requests = requests;
    this.records = records;
    this.keys = keys;
    this.documents = documents;
    this.mails = mails;
    this.tokens = tokens;
    this.files = files;
    this.policy = policy;
    this.time = time;
  }

  /** The tombstone and the certificate, once. */
  @Transactional
  public void writeTombstone(String id) {
    PrivacyRequest request = requests.get(id);
    if (records.tombstone(id).isPresent()) {
      return;
    }
    Instant now = time.now();
    List<ErasureReceipt> receipts = records.receipts(id);
    Map<String, Integer> erased = new LinkedHashMap<>(records.erasedCounts(id));
    receipts.forEach(r -> r.erased().forEach((code, count) -> erased.merge(code, count, Integer::sum)));
    Map<RetentionCategory, String> retained = records.retained(id);
    LocalDate backupsAgeOut = LocalDate.ofInstant(now.plus(policy.backupRetention()), TimeSource.ZONE);
    records.insertTombstone(new PrivacyRecordStore.Tombstone(UUID.randomUUID().toString(), keys.of(request.email()), request.receivedAt(),
        now, erased.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(",")),
        retained.isEmpty() ? null : String.join(",", retained.keySet().stream().map(Enum::name).toList()), backupsAgeOut), id);
    List<String> told = records.notices(id).stream().filter(n -> n.action().equals(PrivacyRight.ERASURE.name()))
        .map(n -> n.role() + " <" + n.email() + ">").toList();
    files.write(certificateKey(id), documents.erasureCertificate(request, now, records.erasedCounts(id), receipts, retained, backupsAgeOut, told));
    requests.recordRightOutcome(id, PrivacyRight.ERASURE, "DONE", "your personal data was erased (certificate attached); "
        + (retained.isEmpty() ? "nothing was retained" : "retained by law: " + String.join(", ", retained.keySet().stream().map(RetentionCategory::label).toList()))
        + "; backups age out on " + backupsAgeOut);
    LOG.info("privacy request {}: erasure complete, tombstone written", id);
  }

  /** The certificate, if this request ended in an erasure. */
  public List<MailAttachment> certificate(String id) {
    return files.exists(certificateKey(id)) ? List.of(MailAttachment.pdf(CERTIFICATE_FILE, certificateKey(id))) : List.of();
  }

  /** After the final response: the request's own data points, mails, evidence files and links go too. */
  @Transactional
  public void eraseRequesterContact(String id) {
    List<String> mailIds = mails.find(List.of(), List.of(), List.of(PrivacyMails.keyPrefix(id)));
    List<String> keysToDelete = new ArrayList<>(mails.attachmentKeys(mailIds));
    requests.evidence(id).stream().map(PrivacyRequestStore.Evidence::fileKey).filter(Objects::nonNull).forEach(keysToDelete::add);
    mails.delete(mailIds);
    tokens.forgetTargets(List.of(id));
    requests.forgetEvidenceFiles(id);
    requests.eraseDataPoints(id);
    keysToDelete.forEach(files::deleteWithEmptyFolders);
    files.deleteFolder("privacy/" + id);
    LOG.info("privacy request {}: the requester's contact data erased after the final response", id);
  }

  public static String certificateKey(String id) {
    return "privacy/" + id + "/" + CERTIFICATE_FILE;
  }
}
