package org.remoteservices.privacy.application;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.remoteservices.privacy.application.port.PrivacyRequestStore;
import org.remoteservices.privacy.api.SubjectDataProvider;
import org.remoteservices.privacy.api.SubjectRecords;
import org.remoteservices.privacy.application.port.PrivacyDocumentRenderer;
import org.remoteservices.privacy.domain.PrivacyRequest;
import org.remoteservices.privacy.domain.PrivacyRight;
import org.remoteservices.shared.files.FileStore;
import org.remoteservices.shared.mail.MailAttachment;
import org.remoteservices.shared.time.TimeSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Access (a PDF of everything we hold) and portability (the same as JSON and CSV in a zip), both mailed. */
@Service
public class AccessService {
  public static final String REPORT_FILE = "access-report.pdf";
  public static final String EXPORT_FILE = "personal-data-export.zip";

  private final PrivacyRequestStore requests;
  private final SubjectService subjects;
  private final VerificationService verification;
  private final PrivacyDocumentRenderer documents;
  private final FileStore files;
  private final DownloadService downloads;
  private final PrivacyPolicy policy;
  private final TimeSource time;
  private final RecipientRegister recipientRegister;
  private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

  public AccessService(PrivacyRequestStore requests, SubjectService subjects, VerificationService verification, PrivacyDocumentRenderer documents,
      FileStore files, DownloadService downloads, PrivacyPolicy policy, TimeSource time, RecipientRegister recipientRegister) {
    this.recipientRegister = recipientRegister;
    this.requests = requests;
    this.subjects = subjects;
    this.verification = verification;
    this.documents = documents;
    this.files = files;
    this.downloads = downloads;
    this.policy = policy;
    this.time = time;
  }

  /** Everything we hold about the subject, by category, from every store; then who received it. */
  public Map<String, List<Map<String, Object>>> subjectData(PrivacyRequest request) {
    SubjectService.Subject subject = subjects.match(request);
    Map<String, List<Map<String, Object>>> data = new LinkedHashMap<>();
    List<Map<String, Object>> recipients = new ArrayList<>();
    java.util.Set<String> received = new java.util.LinkedHashSet<>();
    for (SubjectDataProvider provider : subjects.providers()) {
      SubjectRecords records = subject.of(provider);
      data.putAll(provider.describe(records));
      provider.recipients(records).forEach(r -> recipients.add(row("recipient", r.role(), "email", r.email(), "purpose", r.purpose())));
      received.addAll(provider.registerEntriesThatReceived(records));
    }
    if (subject.known()) {
      policy.recipients().forEach(r -> recipients.add(row("recipient", r.name(), "email", r.email(), "purpose", "processor / contractor")));
    }
    data.put("recipients", recipients);
    // who receives personal data, and where it goes: the recipient and transfer register (Art. 15(1)(c), (2))
    List<Map<String, Object>> register = new ArrayList<>();
    List<Map<String, Object>> receivedYours = new ArrayList<>();
    for (org.remoteservices.privacy.domain.RegisteredRecipient r : recipientRegister.all()) {
      if (received.contains(r.id())) { // "tell me who received my data": the entries that actually received this subject's data
        receivedYours.add(row("recipient", r.name(), "role", r.role().name().toLowerCase(java.util.Locale.ROOT), "country", r.country(),
            "transferSafeguard", r.transferSafeguard() == null ? "" : r.transferSafeguard(), "contact", r.contactEmail()));
      }
      register.add(row("recipient", r.name(), "role", r.role().name().toLowerCase(java.util.Locale.ROOT), "country", r.country(),
          "dataCategories", String.join(", ", r.dataCategories()), "legalBasis", r.legalBasis(),
          "transferSafeguard", r.transferSafeguard() == null ? "" : r.transferSafeguard(), "contact", r.contactEmail()));
    }
    data.put("recipientRegister", register);
    data.put("registerRecipientsThatReceivedYourData", receivedYours);
    return data;
  }

  @Transactional
  public void compileAccessReport(String id) {
    PrivacyRequest request = requests.get(id);
    verification.requireVerified(request);
    files.write(reportKey(id), documents.accessReport(request, subjectData(request), time.now()));
  }

  /** The report leaves by a download link and a separate code, to the address on record only (DownloadService). */
  @Transactional
  public void mailAccessReport(String id) {
    downloads.offer(id, DownloadService.Kind.ACCESS_REPORT, reportKey(id));
    requests.recordRightOutcome(id, PrivacyRight.ACCESS, "DONE", "a copy of your personal data (PDF) is ready to download: the link and its code "
        + "were mailed separately to the address we hold for you, valid for " + DownloadService.WINDOW.toDays() + " days");
  }

  @Transactional
  public void compilePortableExport(String id) {
    PrivacyRequest request = requests.get(id);
    verification.requireVerified(request);
    files.write(exportKey(id), zip(subjectData(request)));
  }

  @Transactional
  public void mailPortableExport(String id) {
    downloads.offer(id, DownloadService.Kind.PORTABLE_EXPORT, exportKey(id));
    requests.recordRightOutcome(id, PrivacyRight.PORTABILITY, "DONE", "your data as JSON and CSV in a zip file is ready to download: the link "
        + "and its code were mailed separately to the address we hold for you, valid for " + DownloadService.WINDOW.toDays() + " days");
  }

  public static String reportKey(String id) {
    return "privacy/" + id + "/" + REPORT_FILE;
  }

  public static String exportKey(String id) {
    return "privacy/" + id + "/" + EXPORT_FILE;
  }

  byte[] zip(Map<String, List<Map<String, Object>>> data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
      zip.putNextEntry(new ZipEntry("data.json"));
      zip.write(json.writeValueAsBytes(data));
      zip.closeEntry();
      for (Map.Entry<String, List<Map<String, Object>>> category : data.entrySet()) {
        zip.putNextEntry(new ZipEntry(category.getKey() + ".csv"));
        zip.write(csv(category.getValue()).getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static String csv(List<Map<String, Object>> rows) {
    if (rows.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder(String.join(",", rows.get(0).keySet().stream().map(AccessService::cell).toList())).append("\r\n");
    for (Map<String, Object> row : rows) {
      out.append(String.join(",", row.values().stream().map(v -> cell(v == null ? "" : String.valueOf(v))).toList())).append("\r\n");
    }
    return out.toString();
  }

  /** RFC 4180 quoting; a leading formula character (= + - @, TAB, CR) is neutralised so spreadsheets do not run it (OWASP CSV injection). */
  static String cell(String value) {
    String v = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    return v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
  }

  private static Map<String, Object> row(Object... keysAndValues) {
    Map<String, Object> row = new LinkedHashMap<>();
    for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
      row.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return row;
  }
}
