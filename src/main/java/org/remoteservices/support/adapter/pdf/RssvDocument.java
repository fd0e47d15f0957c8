package org.remoteservices.support.adapter.pdf;

import com.lowagie.text.Element;
import com.lowagie.text.FontFactory;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfStamper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.remoteservices.jobs.api.Job;
import org.remoteservices.shared.pdf.PdfBuilder;
import org.remoteservices.shared.time.TimeSource;
import org.remoteservices.support.application.port.RssvDocuments;
import org.remoteservices.support.domain.SupportRequest;
import org.springframework.stereotype.Component;

/** The Remote Session Security Verification form, and its online-signed copy. */
@Component
public class RssvDocument implements RssvDocuments {
  public static final String TITLE = "Remote Session Security Verification (RSSV)";
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(TimeSource.ZONE);

  @Override
  public byte[] render(SupportRequest request, Job job, String referenceCode, Instant generatedAt) {
    return PdfBuilder.document(TITLE)
        .fields(
            "Reference code", referenceCode,
            "Case number", request.caseNumber(),
            "Job number", job.jobNumber(),
            "Job name", job.jobName(),
            "Requested by", request.requesterName(),
            "Generated", WHEN.format(generatedAt))
        .heading("What the remote session involves")
        .paragraph("A Remote Services technician connects to the lighting control system's server at this job with a remote-access "
            + "tool (GoTo Rescue) to diagnose and fix the issue you reported. The technician may collect support files "
            + "(for example the Quantum database, processor event logs, GUI and transfer logs, ELMAH and Q-Admin backups, "
            + "the Windows event log, a Wireshark capture, the iTunes log and the local network address) to troubleshoot it.")
        .heading("How the session is recorded")
        .paragraph("The session is recorded: video only, no audio. The recording is kept on a secure server for 180 days "
            + "after the session and then permanently destroyed. It is used to document the work order and as a record "
            + "in case of a reported security incident.")
        .heading("Your confirmation")
        .paragraph("By signing, you confirm that you are authorised to grant remote access to this system and consent to the "
            + "recorded remote session described above. No session starts before this signed form has been returned and checked.")
        .signatureBlock("Full name", "Signature", "Date")
        .small("Return this form signed: upload it or sign online with the link in the mail we sent you. Reference " + referenceCode + ".")
        .build();
  }

  /**
   * Stamps an online signature onto the original form: signer, time and the original's SHA-256 on every page,
   * so the stamped copy proves which form was signed.
   */
  @Override
  public byte[] stampOnlineSignature(byte[] original, String signerName, Instant signedAt, String originalSha256) {
    try {
      PdfReader reader = new PdfReader(original);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      PdfStamper stamper = new PdfStamper(reader, out);
      String line1 = "Signed online by " + signerName + " at " + WHEN.format(signedAt) + " (typed name and consent).";
      String line2 = "Original form SHA-256: " + originalSha256;
      for (int page = 1; page <= reader.getNumberOfPages(); page++) {
        PdfContentByte over = stamper.getOverContent(page);
        ColumnText.showTextAligned(over, Element.ALIGN_LEFT, new Phrase(line1, FontFactory.getFont(FontFactory.HELVETICA_BOLD, 9)), 50, 40, 0);
        ColumnText.showTextAligned(over, Element.ALIGN_LEFT, new Phrase(line2, FontFactory.getFont(FontFactory.COURIER, 7)), 50, 28, 0);
      }
      stamper.close();
      reader.close();
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException("cannot stamp the RSSV form", e);
    }
  }

  @Override
  public boolean isReadablePdf(byte[] content) {
    return org.remoteservices.shared.pdf.PdfFiles.isReadablePdf(content);
  }

  @Override
  public java.util.Set<org.remoteservices.shared.pdf.PdfActiveContent> activeContent(byte[] content) {
    return org.remoteservices.shared.pdf.PdfActiveContent.in(content);
  }
}
