package org.remoteservices.support.adapter.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.io.IOException;
import org.remoteservices.shared.security.PublicEndpoint;
import org.remoteservices.shared.error.DomainException;
import org.remoteservices.support.application.RssvLinkService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The customer's RSSV link: see the case, download the form, return it signed (upload or online). */
@RestController
@RequestMapping("/api/rssv/{token}")
@PublicEndpoint
public class RssvController {
  private final RssvLinkService rssv;

  public RssvController(RssvLinkService rssv) {
    this.rssv = rssv;
  }

  @GetMapping
  public RssvLinkService.PortalView view(@PathVariable String token) {
    return rssv.portalView(token);
  }

  @GetMapping(path = "/form.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
  public ResponseEntity<byte[]> form(@PathVariable String token) {
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"rssv-form.pdf\"")
        .body(rssv.blankForm(token));
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  public ResponseEntity<RssvLinkService.ReturnReceipt> upload(@PathVariable String token, @RequestPart("file") MultipartFile file) throws IOException {
    if (file.isEmpty()) {
      throw DomainException.rejected("the uploaded file is empty");
    }
    return ResponseEntity.status(201).body(rssv.returnSignedUpload(token, file.getBytes()));
  }

  public record OnlineSignature(
      @NotBlank @Pattern(regexp = SupportRequestController.NAME, message = "must be your full name") String fullName,
      @NotNull Boolean consent) {
    @Override
    public String toString() { // Spring logs request bodies at DEBUG
      return "OnlineSignature[consent=" + consent + ", personal data not shown]";
    }
  }

  @PostMapping(path = "/signature", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<RssvLinkService.ReturnReceipt> sign(@PathVariable String token, @Valid @RequestBody OnlineSignature body) {
    return ResponseEntity.status(201).body(rssv.signOnline(token, body.fullName().strip(), body.consent()));
  }
}
