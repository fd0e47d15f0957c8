package org.remoteservices.privacy.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.remoteservices.privacy.application.port.PrivacyDownloadStore;
import org.remoteservices.privacy.application.port.PrivacyDownloadStore.Download;
import org.remoteservices.privacy.application.port.PrivacyRequestStore;
import org.remoteservices.privacy.domain.PrivacyRequest;
import org.remoteservices.shared.error.DomainException;
import org.remoteservices.shared.files.FileStore;
import org.remoteservices.shared.mail.MailRedaction;
import org.remoteservices.shared.mail.OutgoingMail;
import org.remoteservices.shared.time.TimeSource;
import org.remoteservices.shared.tokens.AccessTokens;
import org.remoteservices.shared.tokens.PublicLinks;
import org.remoteservices.shared.tokens.TokenPurpose;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Access reports and portable exports leave by link, not as attachments: a single-use link valid seven days,
 * mailed to the address on record, that asks for a code mailed there separately (a forwarded or intercepted link
 * alone opens nothing). Every download and every wrong code is recorded; after five wrong codes the offer ends;
 * the file is deleted once downloaded or when the window ends.
 */
@Service
public class DownloadService {
  private static final Logger LOG = LoggerFactory.getLogger(DownloadService.class);
  public static final Duration WINDOW = Duration.ofDays(7);
  public static final int MAX_WRONG_CODES = 5;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final char[] CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

  /** What can be downloaded, with its file name and content type. */
  public enum Kind {
    ACCESS_REPORT("access-report.pdf", "application/pdf", "a copy of your personal data (PDF)"),
    PORTABLE_EXPORT("personal-data-export.zip", "application/zip", "your personal data as JSON and CSV (zip)");

    private final String fileName;
    private final String contentType;
    private final String label;

    Kind(String fileName, String contentType, String label) {
      this.fileName = fileName;
      this.contentType = contentType;
      this.label = label;
    }

    public String fileName() {
      return fileName;
    }

    public String contentType() {
      return contentType;
    }

    public String label() {
      return label;
    }
  }

  private final PrivacyDownloadStore downloads;
  private final PrivacyRequestStore requests;
  private final VerificationService verification;
  private final PrivacyMails mails;
  private final AccessTokens tokens;
  private final PublicLinks links;
  private final FileStore files;
  private final TimeSource time;
  private final TransactionTemplate ownTransaction;

  public DownloadService(PrivacyDownloadStore downloads, PrivacyRequestStore requests, VerificationService verification, PrivacyMails mails,
      AccessTokens tokens, PublicLinks links, FileStore files, TimeSource time, PlatformTransactionManager transactionManager) {
    this.downloads = downloads;
    this.requests = requests;
    this.verification = verification;
    this.mails = mails;
    this.tokens = tokens;
    this.links = links;
    this.files = files;
    this.time = time;
    this.ownTransaction = new TransactionTemplate(transactionManager);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /**
   * Offers the compiled file: the code in one mail, the link in another, both to the address on record only. The
   * code mail goes first and creates the offer (only the code's hash is kept); a retried step finds both mails on
   * record and composes neither again. Delivered, both are kept on record without the code and the link's token.
   */
  @Transactional
  public void offer(String privacyRequestId, Kind kind, String fileKey) {
    PrivacyRequest request = requests.get(privacyRequestId);
    List<String> to = verification.answerRecipients(request);
    String purpose = kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    mails.send(request, purpose + ":code", () -> {
      String code = newCode();
      if (downloads.ofRequest(privacyRequestId, kind.name()).isEmpty()) {
        downloads.insert(UUID.randomUUID().toString(), privacyRequestId, kind.name(), fileKey, hash(code), time.now().plus(WINDOW));
      }
      return PrivacyMails.templated(request, to, "Your download code", "download-code",
          PrivacyMails.values("what", kind.label(), "codePrefix", MailRedaction.CODE_PREFIX, "code", code), List.of());
    });
    Download offer = downloads.ofRequest(privacyRequestId, kind.name()).orElseThrow();
    mails.send(request, purpose + ":link", () -> {
      String link = links.link("/portal/privacy/download/" + tokens.issue(TokenPurpose.DOWNLOAD, offer.id(), offer.expiresAt()));
      return PrivacyMails.templated(request, to, "Your personal data is ready to download", "download-link",
          PrivacyMails.values("what", capitalised(kind.label()), "link", link, "until", PrivacyMails.day(offer.expiresAt())), List.of());
    });
  }

  private static String capitalised(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  public record View(String reference, String kind, String label, Instant expiresAt) {}

  public View view(String token) {
    Download d = open(token);
    PrivacyRequest request = requests.get(d.privacyRequestId());
    Kind kind = Kind.valueOf(d.fileKind());
    return new View(request.reference(), kind.name(), kind.label(), d.expiresAt());
  }

  public record File(String name, String contentType, byte[] content) {}

  /** The file, once, for the right code. A wrong code is counted (in its own transaction) and refused. */
  public File download(String token, String code) {
    Download d = open(token);
    if (code == null || !MessageDigest.isEqual(hash(normalise(code)).getBytes(StandardCharsets.US_ASCII), d.codeHash().getBytes(StandardCharsets.US_ASCII))) {
      int attempts = ownTransaction.execute(status -> downloads.countFailedAttempt(d.id()));
      LOG.warn("privacy download {}: wrong code ({} of {})", d.id(), attempts, MAX_WRONG_CODES);
      if (attempts >= MAX_WRONG_CODES) {
        ownTransaction.executeWithoutResult(status -> purge(downloads.find(d.id()).orElseThrow()));
        throw DomainException.gone("Too many wrong codes: this download is closed. Please ask us for a new one.");
      }
      throw DomainException.rejected("This code is not right. Please check the separate mail with your code.");
    }
    Kind kind = Kind.valueOf(d.fileKind());
    return ownTransaction.execute(status -> {
      tokens.markUsed(TokenPurpose.DOWNLOAD, token);
      byte[] content = files.read(d.fileKey());
      downloads.markDownloaded(d.id());
      LOG.info("privacy download {} of request {} downloaded", d.id(), d.privacyRequestId());
      return new File(kind.fileName(), kind.contentType(), content);
    });
  }

  /** Deletes the files of offers that are over: downloaded, expired or closed. */
  @Transactional
  public int purgeOver() {
    List<Download> over = downloads.toPurge(time.now());
    over.forEach(this::purge);
    if (!over.isEmpty()) {
      LOG.info("deleted the files of {} privacy download(s) whose window is over", over.size());
    }
    return over.size();
  }

  private void purge(Download d) {
    if (d.fileKey() != null) {
      files.deleteWithEmptyFolders(d.fileKey());
    }
    downloads.markPurged(d.id());
  }

  private Download open(String token) {
    Download d = downloads.find(tokens.resolve(TokenPurpose.DOWNLOAD, token)).orElseThrow(() -> DomainException.notFound("unknown link"));
    if (!d.open(time.now())) {
      throw DomainException.gone("this download is no longer available; ask us for a new one");
    }
    return d;
  }

  private static String newCode() {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      s.append(CODE_ALPHABET[RANDOM.nextInt(CODE_ALPHABET.length)]);
    }
    return s.substring(0, 4) + "-" + s.substring(4);
  }

  private static String normalise(String code) {
    String c = code.strip().toUpperCase(java.util.Locale.ROOT).replaceAll("[\\s-]", "");
    return c.length() == 8 ? c.substring(0, 4) + "-" + c.substring(4) : c;
  }

  static String hash(String code) {
    return FileStore.sha256(code.getBytes(StandardCharsets.US_ASCII));
  }
}
