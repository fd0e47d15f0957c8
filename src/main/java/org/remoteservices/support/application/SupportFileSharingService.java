package org.remoteservices.support.application;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.remoteservices.privacy.api.SharingPermissions;
import org.remoteservices.privacy.api.TransferRegister;
import org.remoteservices.shared.error.DomainException;
import org.remoteservices.shared.security.Groups;
import org.remoteservices.shared.time.TimeSource;
import org.remoteservices.support.application.port.FileShareStore;
import org.remoteservices.support.application.port.SessionStore;
import org.remoteservices.support.application.port.StaffIdentity;
import org.remoteservices.support.application.port.SupportRequestStore;
import org.remoteservices.support.domain.SupportFile;
import org.remoteservices.support.domain.SupportRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Sharing support files with the contractor abroad is a technician task that records what went to whom against the
 * register": a technician names the case, the register entry and the case's files; the share is refused when the
 * requester's choices forbid it ({@link SharingPermissions}: opt-out of sale/sharing, limit sensitive, withdrawn consent,
 * objection, restriction), when the entry is no contractor or lacks its transfer safeguard, or when a file is not the
 * case's. Each shared file is recorded (what, to whom, when, by whom); the support-file-sharing model only starts this.
 */
@Service
public class SupportFileSharingService {
  private static final Logger LOG = LoggerFactory.getLogger(SupportFileSharingService.class);
  private static final Pattern CASE_NUMBER = Pattern.compile("(?i)RS-?0*(\\d{1,12})");

  /** The field names a refusal names (the start form's, without its input_ prefix). */
  public static final String CASE_FIELD = "caseNumber";
  public static final String RECIPIENT_FIELD = "recipientId";
  public static final String FILES_FIELD = "supportFileIds";

  private final SupportRequestStore requests;
  private final SessionStore sessions;
  private final FileShareStore shares;
  private final TransferRegister register;
  private final SharingPermissions permissions;
  private final TimeSource time;
  private final StaffIdentity staff;

  public SupportFileSharingService(SupportRequestStore requests, SessionStore sessions, FileShareStore shares, TransferRegister register,
      SharingPermissions permissions, TimeSource time, StaffIdentity staff) {
    this.staff = staff;
    this.requests = requests;
    this.sessions = sessions;
    this.shares = shares;
    this.register = register;
    this.permissions = permissions;
    this.time = time;
  }

  /** A refusal that names the form field it is about. */
  public static final class Refused extends DomainException {
    private final String field;

    Refused(String field, String message) {
      super(Kind.REJECTED, field + ": " + message);
      this.field = field;
    }

    public String field() {
      return field;
    }
  }

  /**
   * Records the share and returns its id (the business key of its support-file-sharing instance).
   *
   * @param caseRef the case number (RS-000042) or the support request id
   * @param fileIds the ids of the case's support files, as the case page lists them
   */
  @Transactional
  public String share(String caseRef, String recipientId, List<String> fileIds) {
    String sharedBy = staff.current().filter(s -> s.inAnyOf(Groups.TECHNICIANS)).map(StaffIdentity.Staff::userId)
        .orElseThrow(() -> DomainException.forbidden("only a signed-in technician can share support files with contractors"));
    SupportRequest request = caseOf(caseRef).orElseThrow(() -> new Refused(CASE_FIELD, "no case " + caseRef
        + " (give its case number, like RS-000042)"));
    TransferRegister.Entry entry = register.find(recipientId).orElseThrow(() -> new Refused(RECIPIENT_FIELD,
        "no entry " + recipientId + " in the recipient register (GET /api/privacy/recipient-register lists them)"));
    if (!"CONTRACTOR".equals(entry.role())) {
      throw new Refused(RECIPIENT_FIELD, entry.name() + " is registered as a " + entry.role().toLowerCase(Locale.ROOT)
          + ", not a contractor: support files go only to contractors of the register");
    }
    if (!entry.transferSafeguarded()) {
      throw new Refused(RECIPIENT_FIELD, "the register entry of " + entry.name() + " (" + entry.country()
          + ") has no transfer safeguard (standard contractual clauses): nothing may go there until a privacy officer records it");
    }
    if (!permissions.mayShareWithContractors(request.requesterEmail())) {
      throw new Refused(CASE_FIELD, "the requester of " + request.caseNumber() + " does not allow their data to go to contractors "
          + "(opt-out of sale/sharing, limited use of sensitive data, withdrawn consent, objection or restricted processing): "
          + "nothing was shared");
    }
    Set<String> wanted = new LinkedHashSet<>();
    if (fileIds != null) {
      fileIds.stream().filter(f -> f != null && !f.isBlank()).map(String::strip).forEach(wanted::add);
    }
    if (wanted.isEmpty() || wanted.size() > 50) {
      throw new Refused(FILES_FIELD, "name the case's support files to share (1 to 50 ids, as the case page lists them)");
    }
    Set<String> ofCase = new LinkedHashSet<>(sessions.supportFilesOf(request.id()).stream().map(SupportFile::id).toList());
    List<String> foreign = new ArrayList<>(wanted);
    foreign.removeAll(ofCase);
    if (!foreign.isEmpty()) {
      throw new Refused(FILES_FIELD, foreign.size() == 1 ? "file " + foreign.get(0) + " is not a support file of " + request.caseNumber()
          : foreign.size() + " files are not support files of " + request.caseNumber() + " (" + String.join(", ", foreign) + ")");
    }
    String shareId = UUID.randomUUID().toString();
    var now = time.now();
    for (String fileId : wanted) {
      shares.insert(new FileShareStore.Share(UUID.randomUUID().toString(), shareId, request.id(), fileId, entry.id(), entry.name(),
          entry.country(), entry.transferSafeguard(), sharedBy, now));
    }
    LOG.info("support request {}: {} support file(s) shared with register entry {} ({}) by {}", request.caseNumber(), wanted.size(),
        entry.id(), entry.country(), sharedBy);
    return shareId;
  }

  public List<FileShareStore.Share> shareOf(String shareId) {
    return shares.ofShare(shareId);
  }

  private Optional<SupportRequest> caseOf(String caseRef) {
    if (caseRef == null || caseRef.isBlank()) {
      return Optional.empty();
    }
    Matcher m = CASE_NUMBER.matcher(caseRef.strip());
    if (m.matches()) {
      return requests.findByCaseSeq(Long.parseLong(m.group(1)));
    }
    return caseRef.strip().length() <= 36 ? requests.find(caseRef.strip()) : Optional.empty();
  }
}
