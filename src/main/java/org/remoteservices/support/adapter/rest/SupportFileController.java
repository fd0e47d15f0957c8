package org.remoteservices.support.adapter.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.security.Principal;
import java.util.List;
import org.remoteservices.shared.error.DomainException;
import org.remoteservices.shared.security.Groups;
import org.remoteservices.shared.security.StaffOnly;
import org.remoteservices.shared.web.PlainText;
import org.remoteservices.support.application.SessionService;
import org.remoteservices.support.application.SupportFileService;
import org.remoteservices.support.application.SupportFileService.SupportFileView;
import org.remoteservices.support.domain.Recording;
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

/**
 * A case's support files (technicians add them: an upload, or a reference to a large file kept elsewhere; staff on the case
 * list them with their retention deadline) and its recordings (the operator who deletes one on the recording server finds
 * its reference here).
 */
@RestController
@RequestMapping("/api/support-requests/{id}")
public class SupportFileController {
  private final SupportFileService supportFiles;
  private final SessionService sessions;

  public SupportFileController(SupportFileService supportFiles, SessionService sessions) {
    this.supportFiles = supportFiles;
    this.sessions = sessions;
  }

  @GetMapping("/support-files")
  @StaffOnly({Groups.TECHNICIANS, Groups.OPERATORS, Groups.ADMINS})
  public List<SupportFileView> list(@PathVariable String id) {
    return supportFiles.list(id);
  }

  /** Upload (multipart: {@code file}, and the {@code category} as a parameter): 201 with the file and its deadline. */
  @PostMapping(path = "/support-files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @StaffOnly({Groups.TECHNICIANS, Groups.ADMINS})
  public ResponseEntity<SupportFileView> upload(@PathVariable String id, @RequestParam("category") String category,
      @RequestPart("file") MultipartFile file, Principal staff) throws IOException {
    if (file.isEmpty()) {
      throw DomainException.rejected("file: the support file is empty");
    }
    return ResponseEntity.status(201).body(supportFiles.upload(id, category, file.getInputStream(), staff.getName()));
  }

  public record SupportFileReference(@NotBlank @Size(max = 40) String category, @NotBlank @Size(max = 500) @PlainText String reference) {
    @Override
    public String toString() {
      return "SupportFileReference[" + category + "]";
    }
  }

  /** A reference to a large file kept elsewhere: 201 with the file and its deadline. */
  @PostMapping(path = "/support-files/references", consumes = MediaType.APPLICATION_JSON_VALUE)
  @StaffOnly({Groups.TECHNICIANS, Groups.ADMINS})
  public ResponseEntity<SupportFileView> reference(@PathVariable String id, @Valid @RequestBody SupportFileReference body, Principal staff) {
    return ResponseEntity.status(201).body(supportFiles.registerReference(id, body.category(), body.reference(), staff.getName()));
  }

  public record RecordingView(String id, String kind, String reference, java.time.Instant destroyAfter, java.time.Instant destroyedAt) {}

  @GetMapping("/recordings")
  @StaffOnly({Groups.OPERATORS, Groups.ADMINS, Groups.TECHNICIANS})
  public List<RecordingView> recordings(@PathVariable String id) {
    return sessions.recordingsOfCase(id).stream()
        .map((Recording r) -> new RecordingView(r.id(), r.kind(), r.externalRef(), r.destroyAfter(), r.destroyedAt())).toList();
  }
}
