package org.remoteservices.privacy.adapter.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.time.Instant;
import org.remoteservices.privacy.application.RestrictionLifts;
import org.remoteservices.privacy.application.port.PrivacyRecordStore.RestrictionLift;
import org.remoteservices.shared.security.Groups;
import org.remoteservices.shared.security.StaffOnly;
import org.remoteservices.shared.web.PlainText;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A privacy officer lifts a request's restriction: the person is told first and the restriction ends after the notice
 * period (process {@code privacy-restriction-lift}). 202 with the day it ends; 404 unknown request; 409 no restriction
 * in force or already being lifted; 400 without a reason.
 */
@RestController
public class RestrictionLiftController {
  private final RestrictionLifts lifts;

  public RestrictionLiftController(RestrictionLifts lifts) {
    this.lifts = lifts;
  }

  public record LiftRequest(@NotBlank @Size(max = 2000) @PlainText(multiline = true) String reason) {}

  public record LiftStarted(String privacyRequestId, Instant liftAt) {}

  @PostMapping(path = "/api/privacy-requests/{id}/restriction-lift", consumes = MediaType.APPLICATION_JSON_VALUE)
  @StaffOnly({Groups.PRIVACY_OFFICERS, Groups.ADMINS})
  public ResponseEntity<LiftStarted> lift(@PathVariable String id, @Valid @RequestBody LiftRequest body, Principal principal) {
    RestrictionLift lift = lifts.requestLift(id, body.reason(), principal == null ? null : principal.getName());
    return ResponseEntity.accepted().body(new LiftStarted(id, lift.liftAt()));
  }
}
