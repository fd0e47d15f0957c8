package org.remoteservices.support.application;

import java.time.Instant;
import java.util.UUID;
import org.remoteservices.jobs.api.Job;
import org.remoteservices.jobs.api.JobDirectory;
import org.remoteservices.shared.error.DomainException;
import org.remoteservices.shared.files.FileStore;
import org.remoteservices.shared.pdf.PdfActiveContent;
import org.remoteservices.shared.time.TimeSource;
import org.remoteservices.shared.tokens.AccessTokens;
import org.remoteservices.shared.tokens.TokenPurpose;
import org.remoteservices.support.application.port.RemoteSupportProcessPort;
import org.remoteservices.support.application.port.RssvDocuments;
import org.remoteservices.support.application.port.RssvStore;
import org.remoteservices.support.application.port.SupportRequestStore;
import org.remoteservices.support.domain.RssvForm;
import org.remoteservices.support.domain.SupportRequest;
import org.remoteservices.support.domain.SupportStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the customer does with the RSSV link mailed to them: see the case, download the blank form, return it
 * signed (an uploaded PDF or signed online). A return tells the waiting case. The case's own steps are
 * {@link RssvService}.
 */
@Service
public class RssvLinkService {
  private static final Logger LOG = LoggerFactory.getLogger(RssvLinkService.class);

  private final SupportRequestStore requests;
  private final RssvStore forms;
  private final JobDirectory jobs;
  private final FileStore files;
  private final AccessTokens tokens;
  private final RssvDocuments document;
  private final RssvDeadlines deadlines;
  private final RemoteSupportProcessPort process;
  private final TimeSource time;
  private final long maxUploadBytes;

  public RssvLinkService(SupportRequestStore requests, RssvStore forms, JobDirectory jobs, FileStore files, AccessTokens tokens,
      RssvDocuments document, RssvDeadlines deadlines, RemoteSupportProcessPort process, TimeSource time,
      @Value("${rso.upload.max-bytes}") long maxUploadBytes) {
    this.requests = requests;
    this.forms = forms;
    this.jobs = jobs;
    this.files = files;
    this.tokens = tokens;
    this.document = document;
    this.deadlines = deadlines;
    this.process = process;
    this.time = time;
    this.maxUploadBytes = maxUploadBytes;
  }

  /** What the portal shows behind a return link. */
  public PortalView portalView(String token) {
    RssvForm form = forms.form(tokens.resolve(TokenPurpose.RSSV_RETURN, token)).orElseThrow(() -> DomainException.notFound("unknown link"));
    SupportRequest request = requests.get(form.supportRequestId());
    Job job = jobs.find(request.jobNumber()).orElseThrow();
    return new PortalView(request.caseNumber(), job.jobNumber(), job.jobName(), form.referenceCode(), form.status(), deadlines.expiresAt(form));
  }

  public record PortalView(String caseNumber, String jobNumber, String jobName, String referenceCode, String status, Instant expiresAt) {}

  /** The blank form, for the customer to print and sign. */
  public byte[] blankForm(String token) {
    RssvForm form = forms.form(tokens.resolve(TokenPurpose.RSSV_RETURN, token)).orElseThrow(() -> DomainException.notFound("unknown link"));
    return files.read(form.pdfFile());
  }

  /**
   * The customer uploads the signed PDF. 415 if it is not a readable PDF, 413 if too large. A PDF with active content
   * (JavaScript, embedded files, ...) is taken all the same (the customer may not know it has any) and the return
   * carries the warning, which the technician sees on the check task and with the download.
   */
  @Transactional
  public ReturnReceipt returnSignedUpload(String token, byte[] content) {
    String formId = tokens.resolve(TokenPurpose.RSSV_RETURN, token);
    if (content.length > maxUploadBytes) {
      throw DomainException.tooLarge("the file is larger than " + maxUploadBytes + " bytes");
    }
    if (!document.isReadablePdf(content)) {
      throw DomainException.unsupportedContent("the file is not a readable PDF; please upload the signed form as a PDF");
    }
    String warning = PdfActiveContent.codes(document.activeContent(content));
    if (warning != null) {
      LOG.info("signed RSSV upload for form {} has active content: {}", formId, warning);
    }
    return storeReturn(token, formId, "UPLOAD", content, null, warning);
  }

  /** The customer signs online: typed full name and consent; the system stamps the original. */
  @Transactional
  public ReturnReceipt signOnline(String token, String fullName, boolean consent) {
    String formId = tokens.resolve(TokenPurpose.RSSV_RETURN, token);
    if (!consent) {
      throw DomainException.rejected("consent must be given to sign the form online");
    }
    RssvForm form = forms.form(formId).orElseThrow();
    byte[] original = files.read(form.pdfFile());
    byte[] signed = document.stampOnlineSignature(original, fullName, time.now(), FileStore.sha256(original));
    return storeReturn(token, formId, "ONLINE", signed, fullName, null); // our own form, stamped: nothing to warn of
  }

  public record ReturnReceipt(String status, String sha256) {}

  private ReturnReceipt storeReturn(String token, String formId, String method, byte[] content, String signerName,
      String contentWarning) {
    RssvForm form = forms.form(formId).orElseThrow();
    String returnId = UUID.randomUUID().toString();
    String key = "rssv/" + form.supportRequestId() + "/returned-" + returnId + ".pdf";
    tokens.markUsed(TokenPurpose.RSSV_RETURN, token);
    tokens.revokeAll(formId);
    String sha = files.write(key, content);
    try {
      forms.insertReturn(returnId, formId, method, key, sha, content.length, signerName, contentWarning);
      forms.updateFormStatus(formId, "RETURNED");
      requests.updateStatus(form.supportRequestId(), SupportStatus.RSSV_RETURNED);
      if (!process.rssvReturned(form.supportRequestId())) {
        // running but not waiting: the step that mailed this link is still finishing (being retried after a
        // crash); nothing is stored and the link stays valid. Otherwise the request is over.
        throw process.isRunning(form.supportRequestId())
            ? DomainException.conflict("we cannot take the form just this moment; please try again in a few minutes")
            : DomainException.gone("this request is no longer waiting for the form");
      }
    } catch (RuntimeException e) {
      files.delete(key); // the transaction rolls back: leave no file behind either
      throw e;
    }
    LOG.info("signed RSSV returned for request {} ({})", form.supportRequestId(), method);
    return new ReturnReceipt("RETURNED", sha);
  }
}
