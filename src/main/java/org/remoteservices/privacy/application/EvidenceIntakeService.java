package org.remoteservices.privacy.application;

import java.time.Instant;
import java.util.UUID;
import org.remoteservices.privacy.application.port.PrivacyDocumentRenderer;
import org.remoteservices.privacy.application.port.PrivacyProcessPort;
import org.remoteservices.privacy.application.port.PrivacyRequestStore;
import org.remoteservices.privacy.domain.PrivacyRequest;
import org.remoteservices.shared.error.DomainException;
import org.remoteservices.shared.files.FileStore;
import org.remoteservices.shared.pdf.PdfFiles;
import org.remoteservices.shared.time.TimeSource;
import org.remoteservices.shared.tokens.AccessTokens;
import org.remoteservices.shared.tokens.TokenPurpose;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evidence of identity, taken in through the requester's mailed links: a signed declaration (uploaded or signed
 * online), an agent's signed permission, the requester's own confirmation that the agent acts for them. Each
 * tells the waiting request ({@code PrivacyRequest.EvidenceReceived}); {@link VerificationService} judges it.
 */
@Service
public class EvidenceIntakeService {
  private static final Logger LOG = LoggerFactory.getLogger(EvidenceIntakeService.class);

  private final PrivacyRequestStore requests;
  private final AccessTokens tokens;
  private final FileStore files;
  private final PrivacyDocumentRenderer documents;
  private final PrivacyProcessPort process;
  private final TimeSource time;
  private final long maxUploadBytes;

  public EvidenceIntakeService(PrivacyRequestStore requests, AccessTokens tokens, FileStore files, PrivacyDocumentRenderer documents,
      PrivacyProcessPort process, TimeSource time, @Value("${rso.upload.max-bytes}") long maxUploadBytes) {
    this.requests = requests;
    this.tokens = tokens;
    this.files = files;
    this.documents = documents;
    this.process = process;
    this.time = time;
    this.maxUploadBytes = maxUploadBytes;
  }

  public record EvidenceView(String reference, String kind, String rights, Instant receivedAt) {}

  public EvidenceView view(TokenPurpose purpose, String token) {
    PrivacyRequest request = requests.find(tokens.resolve(purpose, token)).orElseThrow(() -> DomainException.notFound("unknown link"));
    return new EvidenceView(request.reference(), purpose.name(), PrivacyRequestService.labels(request.rights()), request.receivedAt());
  }

  /** A signed declaration or an agent's permission, uploaded as a PDF. */
  @Transactional
  public void upload(TokenPurpose purpose, String token, byte[] content) {
    if (purpose != TokenPurpose.PRIVACY_DECLARATION && purpose != TokenPurpose.AGENT_PERMISSION) {
      throw new IllegalArgumentException(purpose.name());
    }
    String id = tokens.resolve(purpose, token);
    if (content.length > maxUploadBytes) {
      throw DomainException.tooLarge("the file is larger than " + maxUploadBytes + " bytes");
    }
    if (!PdfFiles.isReadablePdf(content)) {
      throw DomainException.unsupportedContent("the file is not a readable PDF; please upload the signed document as a PDF");
    }
    store(purpose, token, id, purpose == TokenPurpose.PRIVACY_DECLARATION ? VerificationService.DECLARATION : VerificationService.AGENT_PERMISSION, "UPLOAD", content);
  }

  /** The declaration signed online: typed full name and explicit consent, stamped into a PDF. */
  @Transactional
  public void signDeclaration(String token, String fullName, boolean consent) {
    String id = tokens.resolve(TokenPurpose.PRIVACY_DECLARATION, token);
    if (!consent) {
      throw DomainException.rejected("the declaration must be confirmed to sign it online");
    }
    store(TokenPurpose.PRIVACY_DECLARATION, token, id, VerificationService.DECLARATION, "ONLINE", documents.declaration(requests.get(id), fullName, time.now()));
  }

  /** The person confirms, through the link mailed to the address on record, that the request is theirs (possession). */
  @Transactional
  public void confirmPossession(String token) {
    String id = tokens.resolve(TokenPurpose.POSSESSION, token);
    tokens.markUsed(TokenPurpose.POSSESSION, token);
    requests.confirmPossession(id);
    tell(id);
    LOG.info("privacy request {}: confirmed at the address on record", id);
  }

  /** The requester confirms, from their own address on record, that the agent acts for them (which proves possession too). */
  @Transactional
  public void confirmAgent(String token) {
    String id = tokens.resolve(TokenPurpose.AGENT_CONFIRMATION, token);
    tokens.markUsed(TokenPurpose.AGENT_CONFIRMATION, token);
    requests.confirmAgent(id);
    requests.confirmPossession(id);
    tell(id);
    LOG.info("privacy request {}: the requester confirmed the agent", id);
  }

  /**
   * Tells the waiting request. A request that still awaits evidence but is busy checking the previous piece (its
   * verification job runs between two of the person's clicks) cannot take the message; then nothing is stored and the
   * person is asked to try again, instead of the evidence lying unseen until an officer looks.
   */
  private void tell(String id) {
    if (!process.evidenceReceived(id) && "VERIFYING".equals(requests.get(id).status())) {
      throw DomainException.conflict("we are still checking what you sent a moment ago; please try again in a few seconds");
    }
  }

  private void store(TokenPurpose purpose, String token, String id, String kind, String method, byte[] content) {
    tokens.markUsed(purpose, token);
    String evidenceId = UUID.randomUUID().toString();
    String key = "privacy/" + id + "/" + kind.toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "-" + evidenceId + ".pdf";
    String sha = files.write(key, content);
    try {
      requests.insertEvidence(evidenceId, id, kind, method, key, sha);
      tell(id);
    } catch (RuntimeException e) {
      files.delete(key);
      throw e;
    }
    LOG.info("privacy request {}: {} received ({})", id, kind, method);
  }
}
