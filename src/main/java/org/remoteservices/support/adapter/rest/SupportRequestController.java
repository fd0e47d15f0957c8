package org.remoteservices.support.adapter.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.remoteservices.shared.security.Groups;
import org.remoteservices.shared.security.PublicEndpoint;
import org.remoteservices.shared.security.StaffOnly;
import org.remoteservices.shared.validation.StoredLowerCase;
import org.remoteservices.shared.error.DomainException;
import org.remoteservices.shared.web.PlainText;
import org.remoteservices.support.adapter.db.SupportRequestRepository;
import org.remoteservices.support.application.CaseFileService;
import org.remoteservices.support.application.SessionService;
import org.remoteservices.support.application.SupportRequestService;
import org.remoteservices.support.domain.SupportRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Support requests: customers submit them (public); staff read them and attach session recordings. */
@RestController
@RequestMapping("/api/support-requests")
public class SupportRequestController {
  static final String NAME = "[\\p{L}\\p{M}][\\p{L}\\p{M} .'’-]{0,199}";
  /** Digits and separators. The pattern alone allows 41 characters; {@code @Size} keeps it to the 40 of the column. */
  static final String PHONE = "\\+?[0-9][0-9 ()./-]{5,39}";
  static final String JOB_NUMBER = "[A-Za-z0-9][A-Za-z0-9-]{1,31}";

  private final SupportRequestService service;
  private final SupportRequestRepository requests;
  private final SessionService sessions;
  private final CaseFileService caseFiles;
  private final org.remoteservices.support.application.port.RemoteSupportProcessPort process;
  private final org.remoteservices.support.application.CaseStatusService caseStatus;

  public SupportRequestController(SupportRequestService service, SupportRequestRepository requests, SessionService sessions,
      CaseFileService caseFiles, org.remoteservices.support.application.port.RemoteSupportProcessPort process,
      org.remoteservices.support.application.CaseStatusService caseStatus) {
    this.caseStatus = caseStatus;
    this.process = process;
    this.service = service;
    this.requests = requests;
    this.sessions = sessions;
    this.caseFiles = caseFiles;
  }

  public record NewSupportRequest(
      @NotBlank @Size(max = 200) @Pattern(regexp = NAME, message = "must be a person's name (letters, spaces, . ' -)") String name,
      @NotBlank @Size(max = 40) @Pattern(regexp = PHONE, message = "must be a phone number (digits, spaces, + ( ) . / -)") String phone,
      @NotBlank @Size(max = 254) @StoredLowerCase(max = 254) @PlainText
      @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "must be an email address") String email,
      @NotBlank @Pattern(regexp = JOB_NUMBER, message = "must be 2-32 letters, digits or dashes") String jobNumber,
      Boolean marketingConsent,
      @Pattern(regexp = "[A-Za-z]{2}", message = "must be an ISO 3166-1 alpha-2 country code such as US, CA or DE") String country) {
    @Override
    public String toString() { // Spring logs request bodies at DEBUG
      return "NewSupportRequest[jobNumber=" + jobNumber + ", personal data not shown]";
    }
  }

  /** {@code gpcHonored}: the request carried the Global Privacy Control signal ({@code Sec-GPC: 1}) and the opt-out is recorded. */
  @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
  public record Created(String id, String caseNumber, String status, boolean gpcHonored, String gpcNote, String statusLink) {}

  static final java.util.Set<String> COUNTRIES = java.util.Set.of(java.util.Locale.getISOCountries());

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  @PublicEndpoint
  public ResponseEntity<Created> submit(@Valid @RequestBody NewSupportRequest body,
      @org.springframework.web.bind.annotation.RequestHeader(name = "Sec-GPC", required = false) String gpc,
      @org.springframework.web.bind.annotation.RequestHeader(name = "X-RSO-Source", required = false) String source) {
    String country = body.country() == null || body.country().isBlank() ? null : body.country().strip().toUpperCase(java.util.Locale.ROOT);
    if (country != null && !COUNTRIES.contains(country)) {
      throw DomainException.rejected("country: " + country + " is not an ISO 3166-1 alpha-2 country code");
    }
    SupportRequestService.Choices choices = new SupportRequestService.Choices(Boolean.TRUE.equals(body.marketingConsent()), country,
        "1".equals(gpc == null ? null : gpc.strip()), "portal".equals(source) ? "PORTAL" : "SUPPORT_REQUEST_API");
    SupportRequestService.Submitted submitted = service.submit(body.name().strip(), body.phone().strip(), body.email().strip(),
        body.jobNumber().strip(), choices);
    SupportRequest created = submitted.request();
    return ResponseEntity.created(URI.create("/api/support-requests/" + created.id()))
        .body(new Created(created.id(), created.caseNumber(), created.status().name(), submitted.gpcHonored(), submitted.gpcNote(),
            caseStatus.link(created.id())));
  }

  public record Summary(String id, String caseNumber, String jobNumber, String status, java.time.Instant createdAt) {
    static Summary of(SupportRequest r) {
      return new Summary(r.id(), r.caseNumber(), r.jobNumber(), r.status().name(), r.createdAt());
    }
  }

  /** Status for operators and technicians; no personal data in the list. */
  @GetMapping
  @StaffOnly({Groups.OPERATORS, Groups.ADMINS, Groups.TECHNICIANS})
  public List<Summary> list(@RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "50") int limit) {
    if (offset < 0 || limit < 1 || limit > 500) {
      throw DomainException.rejected("offset must be >= 0 and limit between 1 and 500");
    }
    return requests.list(offset, limit).stream().map(Summary::of).toList();
  }

  @GetMapping("/{id}")
  @StaffOnly({Groups.OPERATORS, Groups.ADMINS, Groups.TECHNICIANS})
  public Summary get(@PathVariable String id) {
    return Summary.of(requests.find(id).orElseThrow(() -> DomainException.notFound("no support request " + id)));
  }

  /** The header that names the active content of a downloaded PDF (shared.pdf.PdfActiveContent codes), when it has any. */
  public static final String ACTIVE_CONTENT_HEADER = "X-Pdf-Active-Content";

  /**
   * The signed copy the customer returned most recently, for the technician who checks it. A download, never shown
   * inline: the file came from the internet, and a PDF rendered under the application's origin is content we did not write.
   * Technicians get it only while the case has an open technicians' task (else 403); every download is recorded. A PDF
   * with JavaScript, embedded files and the like says so in {@value #ACTIVE_CONTENT_HEADER}.
   */
  @GetMapping("/{id}/rssv/returned")
  @StaffOnly({Groups.TECHNICIANS, Groups.OPERATORS, Groups.ADMINS})
  public ResponseEntity<byte[]> returnedRssv(@PathVariable String id) {
    CaseFileService.CaseFile file;
    try {
      file = caseFiles.returnedRssv(id);
    } catch (CaseFileService.NotInYourWork e) {
      throw DomainException.forbidden(e.getMessage());
    }
    ResponseEntity.BodyBuilder response = ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"rssv-returned.pdf\"");
    if (!file.activeContent().isEmpty()) {
      response.header(ACTIVE_CONTENT_HEADER, file.activeContent().stream().map(Enum::name).collect(java.util.stream.Collectors.joining(", ")));
    }
    return response.body(file.content());
  }

  public record RecordingUploaded(String recordingId) {}

  /** A technician uploads the session's recording file before recording the outcome. */
  @PostMapping(path = "/{id}/session/recording", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @StaffOnly({Groups.TECHNICIANS, Groups.ADMINS})
  public ResponseEntity<RecordingUploaded> uploadRecording(@PathVariable String id, @RequestPart("file") MultipartFile file) throws IOException {
    if (file.isEmpty()) {
      throw DomainException.rejected("the recording file is empty");
    }
    String sessionId = sessions.currentSessionId(id).orElseThrow(() -> DomainException.conflict("no session is scheduled for " + id));
    String recordingId = sessions.uploadRecording(sessionId, file.getInputStream());
    process.recordingAttached(id);
    return ResponseEntity.status(201).body(new RecordingUploaded(recordingId));
  }
}
