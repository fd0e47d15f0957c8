package org.remoteservices.support.application;

import java.util.List;
import java.util.UUID;
import org.remoteservices.shared.error.DomainException;
import org.remoteservices.shared.files.FileStore;
import org.remoteservices.shared.pdf.PdfActiveContent;
import org.remoteservices.shared.security.Groups;
import org.remoteservices.shared.time.TimeSource;
import org.remoteservices.support.application.port.CaseFileDownloadStore;
import org.remoteservices.support.application.port.CaseFileDownloadStore.FileKind;
import org.remoteservices.support.application.port.RemoteSupportProcessPort;
import org.remoteservices.support.application.port.RssvStore;
import org.remoteservices.support.application.port.StaffIdentity;
import org.remoteservices.support.application.port.StaffIdentity.Staff;
import org.remoteservices.support.domain.RssvReturn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff download the files of a case: technicians only while the case is in their group's work (it has an open task
 * for {@code technicians}), operators and administrators always. Every download is recorded: who, when, which file.
 */
@Service
public class CaseFileService {
  private static final Logger LOG = LoggerFactory.getLogger(CaseFileService.class);

  private final RssvStore forms;
  private final FileStore files;
  private final CaseFileDownloadStore downloads;
  private final StaffIdentity staff;
  private final RemoteSupportProcessPort process;
  private final TimeSource time;

  public CaseFileService(RssvStore forms, FileStore files, CaseFileDownloadStore downloads, StaffIdentity staff,
      RemoteSupportProcessPort process, TimeSource time) {
    this.forms = forms;
    this.files = files;
    this.downloads = downloads;
    this.staff = staff;
    this.process = process;
    this.time = time;
  }

  /** A downloaded file: its bytes and, for an uploaded PDF, the active content found in it (empty for none). */
  public record CaseFile(byte[] content, List<PdfActiveContent> activeContent) {
    @Override
    public String toString() {
      return "CaseFile[" + content.length + " bytes, activeContent=" + activeContent + "]";
    }
  }

  /** The staff member may not download this case's files now; the REST edge answers 403 with the message. */
  public static class NotInYourWork extends RuntimeException {
    NotInYourWork(String message) {
      super(message);
    }
  }

  /**
   * The signed copy the customer returned most recently, for the staff member calling (the engine's authenticated user).
   * NOT_FOUND when the case has none; {@link NotInYourWork} for a technician while the case has no open technicians'
   * task, and for anyone who is neither technician, operator nor administrator. The download is recorded.
   */
  @Transactional
  public CaseFile returnedRssv(String supportRequestId) {
    RssvReturn latest = forms.latestReturn(supportRequestId)
        .orElseThrow(() -> DomainException.notFound("no returned RSSV form for " + supportRequestId));
    Staff who = staff.current().orElseThrow(() -> new NotInYourWork("case files are for signed-in staff only"));
    if (!who.inAnyOf(Groups.OPERATORS, Groups.ADMINS)) {
      if (!who.inAnyOf(Groups.TECHNICIANS)) {
        throw new NotInYourWork("your account's groups may not download case files");
      }
      if (!process.hasOpenTaskFor(supportRequestId, Groups.TECHNICIANS)) {
        throw new NotInYourWork("technicians may download a case's files only while the case has an open task for technicians; "
            + "this one has none now (ask an operator if you need it)");
      }
    }
    byte[] content = files.read(latest.fileKey());
    downloads.record(UUID.randomUUID().toString(), supportRequestId, FileKind.RSSV_RETURN, latest.id(), who.userId(), time.now());
    LOG.info("returned RSSV {} of request {} downloaded by staff (recorded)", latest.id(), supportRequestId);
    return new CaseFile(content, PdfActiveContent.parse(latest.contentWarning()));
  }
}
