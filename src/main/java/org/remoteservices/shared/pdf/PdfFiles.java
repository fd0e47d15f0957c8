package org.remoteservices.shared.pdf;

import com.lowagie.text.pdf.PdfReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Checks on PDFs that customers upload (signed RSSV forms, privacy declarations, an agent's permission). */
public final class PdfFiles {
  private PdfFiles() {}

  /** True if the bytes are a PDF that parses (a renamed executable or a truncated upload is not). */
  public static boolean isReadablePdf(byte[] content) {
    if (content.length < 8 || !new String(content, 0, 5, StandardCharsets.US_ASCII).equals("%PDF-")) {
      return false;
    }
    try (PdfReader reader = new PdfReader(content)) {
      return reader.getNumberOfPages() > 0;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }
}
