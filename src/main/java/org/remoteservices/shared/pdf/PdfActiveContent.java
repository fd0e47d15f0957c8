package org.remoteservices.shared.pdf;

import com.lowagie.text.pdf.PdfArray;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfReader;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What in an uploaded PDF can act on the reader's machine rather than just be read: scripts, actions that start a
 * program, embedded files, rich media, XFA forms. Found by walking every object of the file (the catalog's names tree,
 * open and additional actions, annotations, form fields, wherever they are), never by rendering it or running
 * anything. A customer may not know their PDF carries such content (a scanner's or an editor's additions), so it is a
 * warning for the person who opens the file, not a reason to refuse it.
 */
public enum PdfActiveContent {
  /** A JavaScript action ({@code /JS}, {@code /S /JavaScript}) or document-level scripts ({@code /Names /JavaScript}). */
  JAVASCRIPT("JavaScript"),
  /** Embedded files ({@code /Names /EmbeddedFiles}, a file specification's {@code /EF}, file-attachment annotations). */
  EMBEDDED_FILES("embedded files"),
  /** An action that starts a program or opens a file ({@code /S /Launch}). */
  LAUNCH_ACTION("an action that starts a program"),
  /** Rich media (Flash, video) annotations ({@code /RichMedia}). */
  RICH_MEDIA("rich media (Flash or video)"),
  /** An XFA form, which can carry its own scripts ({@code /XFA}). */
  XFA_FORM("an XFA form (can carry scripts)"),
  /** The file parses but could not be walked to the end: treat it as if it had active content. */
  NOT_INSPECTED("content that could not be inspected");

  private static final PdfName RICH_MEDIA_SUBTYPE = PdfName.RICHMEDIA;
  /** Objects a walk visits at most (a 10 MB upload has far fewer); beyond, the rest is NOT_INSPECTED. */
  private static final int MAX_OBJECTS = 2_000_000;

  private final String label;

  PdfActiveContent(String label) {
    this.label = label;
  }

  /** How a person reads it: "JavaScript", "embedded files", ... */
  public String label() {
    return label;
  }

  /** The active content in the PDF, in this enum's order; empty when there is none. The bytes must be a readable PDF. */
  public static Set<PdfActiveContent> in(byte[] pdf) {
    Set<PdfActiveContent> found = EnumSet.noneOf(PdfActiveContent.class);
    try (PdfReader reader = new PdfReader(pdf)) {
      Deque<PdfObject> todo = new ArrayDeque<>();
      todo.push(reader.getTrailer());
      for (int i = 1; i < reader.getXrefSize(); i++) {
        PdfObject object = reader.getPdfObject(i);
        if (object != null) {
          todo.push(object);
        }
      }
      int visited = 0;
      // iterative, and only into direct objects: every indirect object is in the list above once, so no cycles
      while (!todo.isEmpty()) {
        if (++visited > MAX_OBJECTS) {
          found.add(NOT_INSPECTED);
          break;
        }
        PdfObject object = todo.pop();
        if (object instanceof PdfDictionary dictionary) { // streams too (their dictionary; the data is not decoded)
          inspect(dictionary, found);
          for (PdfName key : dictionary.getKeys()) {
            push(todo, dictionary.get(key));
          }
        } else if (object instanceof PdfArray array) {
          array.getElements().forEach(element -> push(todo, element));
        }
      }
    } catch (IOException | RuntimeException e) {
      found.add(NOT_INSPECTED);
    }
    return found;
  }

  private static void push(Deque<PdfObject> todo, PdfObject object) {
    if (object instanceof PdfDictionary || object instanceof PdfArray) {
      todo.push(object);
    }
  }

  private static void inspect(PdfDictionary d, Set<PdfActiveContent> found) {
    PdfObject action = d.get(PdfName.S);
    PdfObject type = d.get(PdfName.TYPE);
    PdfObject subtype = d.get(PdfName.SUBTYPE);
    if (d.contains(PdfName.JS) || PdfName.JAVASCRIPT.equals(action) || d.contains(PdfName.JAVASCRIPT)) {
      found.add(JAVASCRIPT);
    }
    if (PdfName.LAUNCH.equals(action)) {
      found.add(LAUNCH_ACTION);
    }
    if (d.contains(PdfName.EMBEDDEDFILES) || d.contains(PdfName.EF) || PdfName.EMBEDDEDFILE.equals(type)
        || PdfName.FILEATTACHMENT.equals(subtype)) {
      found.add(EMBEDDED_FILES);
    }
    if (RICH_MEDIA_SUBTYPE.equals(subtype) || d.contains(PdfName.RICHMEDIACONTENT)) {
      found.add(RICH_MEDIA);
    }
    if (d.contains(PdfName.XFA)) {
      found.add(XFA_FORM);
    }
  }

  /** The codes as stored ("JAVASCRIPT,EMBEDDED_FILES"), null for none. */
  public static String codes(Collection<PdfActiveContent> found) {
    return found.isEmpty() ? null : found.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
  }

  /** The stored codes read back (unknown codes are skipped); empty for null. */
  public static List<PdfActiveContent> parse(String codes) {
    if (codes == null || codes.isBlank()) {
      return List.of();
    }
    Set<String> names = Arrays.stream(values()).map(Enum::name).collect(Collectors.toSet());
    return Arrays.stream(codes.split(",")).map(c -> c.strip().toUpperCase(Locale.ROOT)).filter(names::contains).distinct()
        .map(PdfActiveContent::valueOf).sorted().toList();
  }

  /** "JavaScript and embedded files": the labels for a sentence. */
  public static String describe(Collection<PdfActiveContent> found) {
    List<String> labels = found.stream().sorted().map(PdfActiveContent::label).toList();
    if (labels.size() <= 1) {
      return String.join("", labels);
    }
    return String.join(", ", labels.subList(0, labels.size() - 1)) + " and " + labels.get(labels.size() - 1);
  }
}
