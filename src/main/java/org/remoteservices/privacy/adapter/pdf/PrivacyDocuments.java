package org.remoteservices.privacy.adapter.pdf;

import org.remoteservices.privacy.application.port.PrivacyDocumentRenderer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.remoteservices.privacy.domain.PrivacyRequest;
import org.remoteservices.privacy.api.ErasureReceipt;
import org.remoteservices.privacy.api.RetentionCategory;
import org.remoteservices.shared.pdf.PdfBuilder;
import org.remoteservices.shared.time.TimeSource;
import org.springframework.stereotype.Component;

/** The privacy feature's documents: the signed declaration, the access report, the erasure certificate. */
@Component
public class PrivacyDocuments implements PrivacyDocumentRenderer {
  public static final String DECLARATION_TITLE = "Declaration of identity for a privacy request";
  public static final String ACCESS_TITLE = "Your personal data held by Remote Services";
  public static final String CERTIFICATE_TITLE = "Erasure certificate";
  private static final Map<String, String> STORES = Map.of(
      "SUPPORT", "Records: support requests, RSSV forms, sessions, recordings, support files, work orders, surveys",
      "FILES", "Files: PDFs, signed copies, recordings, support files, attachments",
      "MAILS", "Mails on record",
      "ENGINE", "Process instances, runtime and history",
      "FLAGS", "Consent flags",
      "JOBS", "Job registry",
      "PRIOR_REQUESTS", "Earlier privacy requests");
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(TimeSource.ZONE);

  public byte[] declaration(PrivacyRequest request, String signerName, Instant signedAt) {
    return PdfBuilder.document(DECLARATION_TITLE)
        .fields("Privacy request", request.reference(), "Received", WHEN.format(request.receivedAt()), "Signed online by", signerName,
            "Signed at", WHEN.format(signedAt))
        .paragraph("I declare under penalty of perjury that I am the person whose personal data this privacy request is about "
            + "(or that I am authorised to act for that person), and that the details I gave are true.")
        .small("Signed online with a typed full name and an explicit confirmation, through a single-use link mailed for request "
            + request.reference() + ".")
        .build();
  }

  /** Every category of data held, one table per row; empty categories say so. */
  public byte[] accessReport(PrivacyRequest request, Map<String, List<Map<String, Object>>> data, Instant compiledAt) {
    PdfBuilder pdf = PdfBuilder.document(ACCESS_TITLE)
        .fields("Privacy request", request.reference(), "Compiled", WHEN.format(compiledAt))
        .paragraph("This is a copy of all personal data Remote Services holds about you, by category, with the purposes and "
            + "recipients described in our privacy notice. Support files and recordings are listed by index; ask us for a copy "
            + "of a specific file if you need it.");
    data.forEach((category, rows) -> {
      pdf.heading(heading(category) + " (" + rows.size() + ")");
      if (rows.isEmpty()) {
        pdf.small("none");
      }
      for (Map<String, Object> row : rows) {
        String[] cells = new String[row.size() * 2];
        int i = 0;
        for (Map.Entry<String, Object> e : row.entrySet()) {
          cells[i++] = heading(e.getKey());
          cells[i++] = e.getValue() == null ? null : e.getValue() instanceof Instant t ? WHEN.format(t) : String.valueOf(e.getValue());
        }
        pdf.fields(cells);
      }
    });
    return pdf.build();
  }

  public byte[] erasureCertificate(PrivacyRequest request, Instant erasedAt, Map<String, Integer> erased, List<ErasureReceipt> receipts,
      Map<RetentionCategory, String> retained, LocalDate backupsAgeOutOn, List<String> recipientsTold) {
    PdfBuilder pdf = PdfBuilder.document(CERTIFICATE_TITLE)
        .fields("Privacy request", request.reference(), "Received", WHEN.format(request.receivedAt()), "Erased", WHEN.format(erasedAt),
            "Backups age out on", backupsAgeOutOn.toString())
        .paragraph("Remote Services certifies that the personal data it held about the requester of this privacy request has been "
            + "erased from its records, files, mail archive and process engine (runtime and history). What remains is a tombstone "
            + "without personal data: a salted hash, the dates above and the categories below.")
        .heading("Erased");
    erased.forEach((store, count) -> pdf.fields(STORES.getOrDefault(store, heading(store)), count + " item(s)"));
    pdf.heading("What each store erased");
    for (ErasureReceipt receipt : receipts) {
      List<String> lines = receipt.erased().entrySet().stream().filter(e -> e.getValue() > 0).sorted(Map.Entry.comparingByKey())
          .map(e -> heading(e.getKey().toLowerCase(java.util.Locale.ROOT)) + ": " + e.getValue()).toList();
      pdf.fields(STORES.getOrDefault(receipt.store(), heading(receipt.store().toLowerCase(java.util.Locale.ROOT))).split(":")[0],
          lines.isEmpty() ? "nothing held" : String.join("; ", lines));
      receipt.kept().forEach((what, why) -> pdf.fields("  kept: " + what, why));
    }
    pdf.heading("Retained by law");
    if (retained.isEmpty()) {
      pdf.paragraph("Nothing.");
    }
    retained.forEach((category, basis) -> pdf.fields(category.label(), basis));
    pdf.heading("Recipients told of the erasure");
    if (recipientsTold.isEmpty()) {
      pdf.paragraph("None: your data was not shared.");
    }
    recipientsTold.forEach(pdf::paragraph);
    pdf.small("Backups made before the erasure are not altered; they age out on the date above and are then destroyed. "
        + "Should a backup ever be restored before that date, this erasure is applied again first.");
    return pdf.build();
  }

  private static String heading(String key) {
    String s = key.replace('_', ' ');
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
