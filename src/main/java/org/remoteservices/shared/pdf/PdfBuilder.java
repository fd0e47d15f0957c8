package org.remoteservices.shared.pdf;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.awt.Color;

/** A thin layer over OpenPDF for the plain business documents the processes send (RSSV, work order, receipts). */
public final class PdfBuilder {
  private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
  private static final Font HEADING = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 11);
  private static final Font BODY = FontFactory.getFont(FontFactory.HELVETICA, 10);
  private static final Font LABEL = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 10);
  private static final Font SMALL = FontFactory.getFont(FontFactory.HELVETICA, 8, Color.DARK_GRAY);

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final Document document = new Document(PageSize.A4, 50, 50, 50, 50);

  private PdfBuilder(String title, String author) {
    PdfWriter.getInstance(document, out);
    document.addTitle(title);
    document.addAuthor(author);
    document.addCreator("Remote Services Orchestrator");
    document.open();
    add(new Paragraph(title, TITLE));
    add(new Paragraph(" ", SMALL));
  }

  public static PdfBuilder document(String title) {
    return new PdfBuilder(title, "Remote Services");
  }

  public PdfBuilder heading(String text) {
    Paragraph p = new Paragraph(text, HEADING);
    p.setSpacingBefore(10);
    p.setSpacingAfter(4);
    return add(p);
  }

  public PdfBuilder paragraph(String text) {
    Paragraph p = new Paragraph(text, BODY);
    p.setSpacingAfter(4);
    return add(p);
  }

  public PdfBuilder small(String text) {
    return add(new Paragraph(text, SMALL));
  }

  /** A two-column table of labels and values; null values print as a dash. */
  public PdfBuilder fields(String... labelsAndValues) {
    PdfPTable table = new PdfPTable(new float[] {1, 2.2f});
    table.setWidthPercentage(100);
    for (int i = 0; i + 1 < labelsAndValues.length; i += 2) {
      table.addCell(cell(labelsAndValues[i], LABEL));
      table.addCell(cell(labelsAndValues[i + 1] == null ? "-" : labelsAndValues[i + 1], BODY));
    }
    table.setSpacingAfter(6);
    return add(table);
  }

  /** Lines to sign on: one per label. */
  public PdfBuilder signatureBlock(String... labels) {
    PdfPTable table = new PdfPTable(new float[] {1, 2.2f});
    table.setWidthPercentage(100);
    table.setSpacingBefore(14);
    for (String label : labels) {
      table.addCell(cell(label, LABEL));
      PdfPCell line = new PdfPCell(new Phrase(" ", BODY));
      line.setBorder(PdfPCell.BOTTOM);
      line.setMinimumHeight(24);
      table.addCell(line);
    }
    return add(table);
  }

  public byte[] build() {
    document.close();
    return out.toByteArray();
  }

  private PdfBuilder add(Element element) {
    try {
      document.add(element);
    } catch (DocumentException e) {
      throw new IllegalStateException("cannot lay out PDF", e);
    }
    return this;
  }

  private static PdfPCell cell(String text, Font font) {
    PdfPCell cell = new PdfPCell(new Phrase(new Chunk(text, font)));
    cell.setBorderColor(Color.LIGHT_GRAY);
    cell.setPadding(4);
    return cell;
  }
}
