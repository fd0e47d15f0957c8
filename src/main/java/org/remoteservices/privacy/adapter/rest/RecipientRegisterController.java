package org.remoteservices.privacy.adapter.rest;

import java.net.URI;
import java.util.List;
import org.remoteservices.privacy.application.RecipientRegister;
import org.remoteservices.privacy.domain.RegisteredRecipient;
import org.remoteservices.shared.security.Groups;
import org.remoteservices.shared.security.StaffOnly;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The recipient and transfer register, kept by privacy officers (admins too): list, add, change, remove. Every bad
 * field is named in the 400; an unknown entry is a 404.
 */
@RestController
public class RecipientRegisterController {
  private final RecipientRegister register;

  public RecipientRegisterController(RecipientRegister register) {
    this.register = register;
  }

  @GetMapping("/api/privacy/recipient-register")
  @StaffOnly({Groups.PRIVACY_OFFICERS, Groups.ADMINS})
  public List<RegisteredRecipient> list() {
    return register.all();
  }

  @PostMapping(path = "/api/privacy/recipient-register", consumes = MediaType.APPLICATION_JSON_VALUE)
  @StaffOnly({Groups.PRIVACY_OFFICERS, Groups.ADMINS})
  public ResponseEntity<RegisteredRecipient> add(@RequestBody RecipientRegister.Entry body) {
    RegisteredRecipient added = register.add(body);
    return ResponseEntity.created(URI.create("/api/privacy/recipient-register/" + added.id())).body(added);
  }

  @PutMapping(path = "/api/privacy/recipient-register/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
  @StaffOnly({Groups.PRIVACY_OFFICERS, Groups.ADMINS})
  public RegisteredRecipient update(@PathVariable String id, @RequestBody RecipientRegister.Entry body) {
    return register.update(id, body);
  }

  @DeleteMapping("/api/privacy/recipient-register/{id}")
  @StaffOnly({Groups.PRIVACY_OFFICERS, Groups.ADMINS})
  public ResponseEntity<Void> remove(@PathVariable String id) {
    register.remove(id);
    return ResponseEntity.noContent().build();
  }
}
