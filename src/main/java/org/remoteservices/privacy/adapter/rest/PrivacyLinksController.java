package org.remoteservices.privacy.adapter.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.io.IOException;
import java.util.Map;
import org.remoteservices.privacy.application.UnsubscribeService;
import jakarta.validation.constraints.Size;
import org.remoteservices.privacy.application.DownloadService;
import org.remoteservices.privacy.application.EvidenceIntakeService;
import org.remoteservices.privacy.application.SubjectChoicesService;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.remoteservices.shared.security.PublicEndpoint;
import org.remoteservices.shared.tokens.TokenPurpose;
import org.remoteservices.shared.error.DomainException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The requester's links: the signed declaration (upload or sign online), an agent's upload of the signed
 * permission, the requester's confirmation of an agent, and the one-click unsubscribe.
 */
@RestController
@PublicEndpoint
public class PrivacyLinksController {
  private final EvidenceIntakeService verification;
  private final UnsubscribeService unsubscribe;

  private final SubjectChoicesService choices;
  private final DownloadService downloads;

  public PrivacyLinksController(EvidenceIntakeService verification, UnsubscribeService unsubscribe, SubjectChoicesService choices,
      DownloadService downloads) {
    this.verification = verification;
    this.choices = choices;
    this.downloads = downloads;
    this.unsubscribe = unsubscribe;
  }

  @GetMapping("/api/privacy/declaration/{token}")
  public EvidenceIntakeService.EvidenceView declaration(@PathVariable String token) {
    return verification.view(TokenPurpose.PRIVACY_DECLARATION, token);
  }

  @PostMapping(path = "/api/privacy/declaration/{token}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  public ResponseEntity<Map<String, String>> uploadDeclaration(@PathVariable String token, @RequestPart("file") MultipartFile file) throws IOException {
    verification.upload(TokenPurpose.PRIVACY_DECLARATION, token, bytes(file));
    return ResponseEntity.status(201).body(Map.of("status", "RECEIVED"));
  }

  public record OnlineSignature(
      @NotBlank @Pattern(regexp = PrivacyRequestController.NAME, message = "must be your full name") String fullName,
      @NotNull Boolean consent) {}

  @PostMapping(path = "/api/privacy/declaration/{token}/signature", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Map<String, String>> signDeclaration(@PathVariable String token, @Valid @RequestBody OnlineSignature body) {
    verification.signDeclaration(token, body.fullName().strip(), body.consent());
    return ResponseEntity.status(201).body(Map.of("status", "RECEIVED"));
  }

  @GetMapping("/api/privacy/agent-permission/{token}")
  public EvidenceIntakeService.EvidenceView agentPermission(@PathVariable String token) {
    return verification.view(TokenPurpose.AGENT_PERMISSION, token);
  }

  @PostMapping(path = "/api/privacy/agent-permission/{token}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  public ResponseEntity<Map<String, String>> uploadAgentPermission(@PathVariable String token, @RequestPart("file") MultipartFile file) throws IOException {
    verification.upload(TokenPurpose.AGENT_PERMISSION, token, bytes(file));
    return ResponseEntity.status(201).body(Map.of("status", "RECEIVED"));
  }

  @GetMapping("/api/privacy/confirmation/{token}")
  public EvidenceIntakeService.EvidenceView confirmation(@PathVariable String token) {
    return verification.view(TokenPurpose.AGENT_CONFIRMATION, token);
  }

  @PostMapping("/api/privacy/confirmation/{token}")
  public ResponseEntity<Map<String, String>> confirm(@PathVariable String token) {
    verification.confirmAgent(token);
    return ResponseEntity.status(201).body(Map.of("status", "CONFIRMED"));
  }

  @GetMapping("/api/privacy/identity/{token}")
  public EvidenceIntakeService.EvidenceView identity(@PathVariable String token) {
    return verification.view(TokenPurpose.POSSESSION, token);
  }

  /** The person confirms the request at the address on record (the possession factor of verification). */
  @PostMapping("/api/privacy/identity/{token}")
  public ResponseEntity<Map<String, String>> confirmIdentity(@PathVariable String token) {
    verification.confirmPossession(token);
    return ResponseEntity.status(201).body(Map.of("status", "CONFIRMED"));
  }

  @GetMapping("/api/privacy/email-change/{token}")
  public EvidenceIntakeService.EvidenceView emailChange(@PathVariable String token) {
    return verification.view(TokenPurpose.EMAIL_CHANGE, token);
  }

  /** The old address confirms a rectified e-mail address. */
  @PostMapping("/api/privacy/email-change/{token}")
  public ResponseEntity<Map<String, String>> confirmEmailChange(@PathVariable String token) {
    choices.confirmEmailChange(token);
    return ResponseEntity.status(201).body(Map.of("status", "CONFIRMED"));
  }

  @GetMapping("/api/privacy/downloads/{token}")
  public DownloadService.View download(@PathVariable String token) {
    return downloads.view(token);
  }

  public record DownloadCode(@NotBlank @Size(max = 20) @Pattern(regexp = "[A-Za-z0-9 -]{1,20}", message = "must be the code from our mail") String code) {}

  /** The file, for the right code (single use); a wrong code answers 400, too many 410. */
  @PostMapping(path = "/api/privacy/downloads/{token}", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<byte[]> downloadFile(@PathVariable String token, @Valid @RequestBody DownloadCode body) {
    DownloadService.File file = downloads.download(token, body.code());
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(file.contentType()))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.name()).build().toString())
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(file.content());
  }

  @GetMapping("/api/unsubscribe/{token}")
  public UnsubscribeService.Outcome unsubscribeStatus(@PathVariable String token) {
    return unsubscribe.view(token);
  }

  /** One click: the page's button, or a mail client's RFC 8058 POST (body "List-Unsubscribe=One-Click", any content type). */
  @PostMapping("/api/unsubscribe/{token}")
  public UnsubscribeService.Outcome unsubscribe(@PathVariable String token) {
    return unsubscribe.unsubscribe(token);
  }

  private static byte[] bytes(MultipartFile file) throws IOException {
    if (file.isEmpty()) {
      throw DomainException.rejected("the uploaded file is empty");
    }
    return file.getBytes();
  }
}
