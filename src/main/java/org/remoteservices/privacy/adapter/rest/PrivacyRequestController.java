package org.remoteservices.privacy.adapter.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.remoteservices.privacy.adapter.db.PrivacyRecordsRepository;
import org.remoteservices.privacy.application.PrivacyRequestService;
import org.remoteservices.privacy.domain.Jurisdiction;
import org.remoteservices.privacy.domain.PrivacyRequest;
import org.remoteservices.privacy.domain.PrivacyRight;
import org.remoteservices.privacy.api.RetentionCategory;
import org.remoteservices.shared.security.Groups;
import org.remoteservices.shared.security.PublicEndpoint;
import org.remoteservices.shared.security.StaffOnly;
import org.remoteservices.shared.error.DomainException;
import org.remoteservices.shared.web.PlainText;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Privacy requests: anyone submits one (public); operators and privacy officers follow its status (no personal data). */
@RestController
public class PrivacyRequestController {
  static final String NAME = "[\\p{L}\\p{M}][\\p{L}\\p{M} .'’-]{0,199}";
  /** At most 40 characters, as the column holds. */
  static final String PHONE = "\\+?[0-9][0-9 ()./-]{5,38}";
  static final String JOB_NUMBER = "[A-Za-z0-9][A-Za-z0-9-]{1,31}";
  static final String EMAIL = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";

  private final PrivacyRequestService service;
  private final PrivacyRecordsRepository records;
  private final org.remoteservices.privacy.api.ContactPermissions contactPermissions;

  public PrivacyRequestController(PrivacyRequestService service, PrivacyRecordsRepository records,
      org.remoteservices.privacy.api.ContactPermissions contactPermissions) {
    this.service = service;
    this.contactPermissions = contactPermissions;
    this.records = records;
  }

  public record Agent(
      @NotBlank @Size(max = 200) @Pattern(regexp = NAME, message = "must be a person's or organisation's name") String name,
      @NotBlank @Size(max = 254) @Email(regexp = EMAIL, message = "must be an email address") String email) {}

  public record NewPrivacyRequest(
      @NotEmpty(message = "must name at least one right") @Size(max = 11) List<@NotNull PrivacyRight> rights,
      @NotBlank @Size(max = 200) @Pattern(regexp = NAME, message = "must be a person's name (letters, spaces, . ' -)") String name,
      @NotBlank @Size(max = 254) @Email(regexp = EMAIL, message = "must be an email address") String email,
      @Pattern(regexp = PHONE, message = "must be a phone number (digits, spaces, + ( ) . / -)") String phone,
      @Pattern(regexp = JOB_NUMBER, message = "must be 2-32 letters, digits or dashes") String jobNumber,
      @Size(max = 500) @PlainText(multiline = true) String jobLocation,
      Jurisdiction jurisdiction,
      @Size(max = 4000) @PlainText(multiline = true) String details,
      Boolean specificPieces,
      @Valid Agent agent) {}

  /**
   * {@code gpcHonored}: the request carried {@code Sec-GPC: 1}; an opt-out of sale and sharing is recorded for the requester.
   * {@code gpcNote}: the earlier choice the signal conflicted with and won over (absent when none).
   */
  @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
  public record Created(String id, String reference, String status, Instant dueAt, boolean gpcHonored, String gpcNote) {}

  @PostMapping(path = "/api/privacy-requests", consumes = MediaType.APPLICATION_JSON_VALUE)
  @PublicEndpoint
  public ResponseEntity<Created> submit(@Valid @RequestBody NewPrivacyRequest body,
      @org.springframework.web.bind.annotation.RequestHeader(name = "Sec-GPC", required = false) String gpc) {
    PrivacyRequest created = service.receive(new PrivacyRequestService.Intake("PORTAL", body.rights(), body.name().strip(), body.email().strip(),
        blankToNull(body.phone()), blankToNull(body.jobNumber()), blankToNull(body.jobLocation()), body.jurisdiction(), blankToNull(body.details()),
        Boolean.TRUE.equals(body.specificPieces()), body.agent() == null ? null : body.agent().name().strip(),
        body.agent() == null ? null : body.agent().email().strip()));
    boolean signal = gpc != null && "1".equals(gpc.strip());
    String note = signal ? honorSignal(body.email()) : null;
    return ResponseEntity.created(URI.create("/api/privacy-requests/" + created.id()))
        .body(new Created(created.id(), created.reference(), created.status(), created.dueAt(), signal, note));
  }

  /**
   * The Global Privacy Control signal (CCPA regulations 7025): an opt-out of sale and sharing for the requester. A
   * conflicting earlier choice (a standing marketing consent) is noted where it is kept, but never told here: this answer
   * reads the same for everyone (docs/privacy.md, ImpostorTest), and a privacy request makes no choice of its own that
   * the signal could conflict with, so {@code gpcNote} stays absent.
   */
  private String honorSignal(String email) {
    return contactPermissions.honorOptOutSignal(email.strip(), null).orElse(null);
  }

  @GetMapping("/api/privacy-requests/{id}")
  @StaffOnly({Groups.PRIVACY_OFFICERS, Groups.OPERATORS, Groups.ADMINS})
  public PrivacyRequestService.Status status(@PathVariable String id) {
    return service.status(id).orElseThrow(() -> DomainException.notFound("no privacy request " + id));
  }

  public record NewLegalHold(@NotBlank @Pattern(regexp = JOB_NUMBER) String jobNumber, @NotNull RetentionCategory category,
      @NotBlank @Size(max = 500) @PlainText(multiline = true) String legalBasis, LocalDate holdUntil) {}

  /** A legal hold on a job's data (an incident, a claim): an erasure cannot release it. */
  @PostMapping(path = "/api/privacy/legal-holds", consumes = MediaType.APPLICATION_JSON_VALUE)
  @StaffOnly({Groups.PRIVACY_OFFICERS, Groups.ADMINS})
  @Transactional
  public ResponseEntity<NewLegalHold> hold(@Valid @RequestBody NewLegalHold body) {
    records.insertLegalHold(UUID.randomUUID().toString(), body.jobNumber().strip(), body.category(), body.legalBasis().strip(), body.holdUntil());
    return ResponseEntity.status(201).body(body);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
