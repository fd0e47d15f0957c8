package org.remoteservices.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.remoteservices.shared.pdf.PdfActiveContent.*;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.remoteservices.shared.pdf.PdfActiveContent;
import org.remoteservices.shared.pdf.PdfBuilder;
import org.remoteservices.shared.pdf.PdfFiles;
import org.remoteservices.testsupport.Pdfs;

/** What an uploaded PDF carries that can act on the reader's machine, found in PDFs generated with each kind of it. */
class PdfActiveContentTest {
  @Test
  void aPlainPdfAndOurOwnDocumentsHaveNone() {
    assertThat(PdfActiveContent.in(Pdfs.plain())).isEmpty();
    assertThat(PdfActiveContent.in(PdfBuilder.document("RSSV").paragraph("text").signatureBlock("Name", "Signature", "Date").build())).isEmpty();
  }

  @Test
  void eachKindIsFound() {
    assertThat(PdfActiveContent.in(Pdfs.withJavaScript())).containsExactly(JAVASCRIPT);
    assertThat(PdfActiveContent.in(Pdfs.withOpenActionJavaScript())).containsExactly(JAVASCRIPT);
    assertThat(PdfActiveContent.in(Pdfs.withEmbeddedFile())).containsExactly(EMBEDDED_FILES);
    assertThat(PdfActiveContent.in(Pdfs.withLaunchOnPageOpen())).containsExactly(LAUNCH_ACTION);
    assertThat(PdfActiveContent.in(Pdfs.withRichMedia())).containsExactly(RICH_MEDIA);
    byte[] both = Pdfs.signedForm(writer -> {
      writer.addJavaScript("app.alert(1);");
      writer.addFileAttachment("a", com.lowagie.text.pdf.PdfFileSpecification.fileEmbedded(writer, null, "a.txt", new byte[] {1, 2, 3}));
    });
    assertThat(PdfActiveContent.in(both)).containsExactly(JAVASCRIPT, EMBEDDED_FILES);
    // each of them is still a readable PDF: the upload takes it and flags it
    for (byte[] pdf : List.of(Pdfs.withJavaScript(), Pdfs.withEmbeddedFile(), Pdfs.withLaunchOnPageOpen(), Pdfs.withRichMedia(), both)) {
      assertThat(PdfFiles.isReadablePdf(pdf)).isTrue();
    }
  }

  @Test
  void codesAreStoredAndReadBackAndDescribed() {
    assertThat(codes(EnumSet.noneOf(PdfActiveContent.class))).isNull();
    assertThat(codes(EnumSet.of(EMBEDDED_FILES, JAVASCRIPT))).isEqualTo("JAVASCRIPT,EMBEDDED_FILES");
    assertThat(parse("JAVASCRIPT,EMBEDDED_FILES")).containsExactly(JAVASCRIPT, EMBEDDED_FILES);
    assertThat(parse(null)).isEmpty();
    assertThat(parse("SOMETHING_NEW, javascript")).containsExactly(JAVASCRIPT);
    assertThat(describe(List.of(JAVASCRIPT))).isEqualTo("JavaScript");
    assertThat(describe(List.of(JAVASCRIPT, EMBEDDED_FILES, LAUNCH_ACTION)))
        .isEqualTo("JavaScript, embedded files and an action that starts a program");
  }
}
