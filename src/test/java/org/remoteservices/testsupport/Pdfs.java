package org.remoteservices.testsupport;

import com.lowagie.text.Document;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfAction;
import com.lowagie.text.pdf.PdfAnnotation;
import com.lowagie.text.pdf.PdfFileSpecification;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** PDFs a customer might upload, generated with OpenPDF: plain, or with active content of each kind. */
public final class Pdfs {
  private Pdfs() {}

  /** What a test adds to the document while it is open. */
  @FunctionalInterface
  public interface Addition {
    void to(PdfWriter writer) throws Exception;
  }

  /** A one-page PDF saying "Signed RSSV form", with the addition. */
  public static byte[] signedForm(Addition addition) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      Document document = new Document();
      PdfWriter writer = PdfWriter.getInstance(document, out);
      document.open();
      document.add(new Paragraph("Signed RSSV form"));
      addition.to(writer);
      document.close();
      return out.toByteArray();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public static byte[] plain() {
    return signedForm(writer -> { });
  }

  /** Document-level JavaScript (the names tree's /JavaScript). */
  public static byte[] withJavaScript() {
    return signedForm(writer -> writer.addJavaScript("app.alert('hello');"));
  }

  /** A file embedded as an attachment (the names tree's /EmbeddedFiles). */
  public static byte[] withEmbeddedFile() {
    return signedForm(writer -> writer.addFileAttachment("notes",
        PdfFileSpecification.fileEmbedded(writer, null, "notes.txt", "hidden notes".getBytes(StandardCharsets.UTF_8))));
  }

  /** JavaScript run when the document opens (/OpenAction). */
  public static byte[] withOpenActionJavaScript() {
    return signedForm(writer -> writer.setOpenAction(PdfAction.javaScript("app.alert('opened');", writer)));
  }

  /** A program launched when the first page opens (the page's /AA with /S /Launch). */
  public static byte[] withLaunchOnPageOpen() {
    return signedForm(writer -> writer.setPageAction(PdfWriter.PAGE_OPEN, PdfAction.createLaunch("calc.exe", null, "open", null)));
  }

  /** A rich-media annotation (/Subtype /RichMedia). */
  public static byte[] withRichMedia() {
    return signedForm(writer -> {
      PdfAnnotation annotation = new PdfAnnotation(writer, new Rectangle(50, 50, 200, 200));
      annotation.put(PdfName.SUBTYPE, PdfName.RICHMEDIA);
      writer.addAnnotation(annotation);
    });
  }
}
