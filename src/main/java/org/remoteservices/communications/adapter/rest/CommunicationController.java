package org.remoteservices.communications.adapter.rest;

import java.net.URI;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.remoteservices.communications.application.CommunicationService;
import org.remoteservices.communications.application.SalesCalls;
import org.remoteservices.communications.domain.Recipient;
import org.remoteservices.shared.security.Groups;
import org.remoteservices.shared.security.StaffOnly;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Communications by purpose (docs/communications.md): operators and admins send and follow them; sales sees whom to call. */
@RestController
public class CommunicationController {
  private final CommunicationService communications;
  private final SalesCalls calls;

  public CommunicationController(CommunicationService communications, SalesCalls calls) {
    this.communications = communications;
    this.calls = calls;
  }

  public record NewCommunication(String purpose, String subject, String body, List<String> jobNumbers, String noticeVersion) {
    @Override
    public String toString() {
      return "NewCommunication[" + purpose + "]";
    }
  }

  public record Created(String id) {}

  @PostMapping(path = "/api/communications", consumes = MediaType.APPLICATION_JSON_VALUE)
  @StaffOnly({Groups.OPERATORS, Groups.ADMINS})
  public ResponseEntity<Created> send(@RequestBody NewCommunication body, Principal user) {
    String id = communications.send(new CommunicationService.Request(body.purpose(), body.subject(), body.body(), body.jobNumbers(),
        body.noticeVersion()), user == null ? null : user.getName()).id();
    return ResponseEntity.created(URI.create("/api/communications/" + id)).body(new Created(id));
  }

  public record Status(String purpose, String status, int recipients, int sent, Map<String, Integer> skipped, int failed) {}

  @GetMapping("/api/communications/{id}")
  @StaffOnly({Groups.OPERATORS, Groups.ADMINS})
  public Status status(@PathVariable String id) {
    CommunicationService.Status s = communications.status(id);
    Map<String, Integer> skipped = new LinkedHashMap<>();
    s.progress().skipped().forEach((reason, n) -> skipped.put(reason.name(), n));
    return new Status(s.communication().purpose().name(), s.communication().status().name(), s.progress().recipients(), s.progress().sent(),
        skipped, s.progress().failed());
  }

  public record CallContact(String name, String email, String jobNumber, String status) {}

  /** Whom a sales-call task is about: the only place its contact's details are shown. */
  @GetMapping("/api/communications/{id}/calls/{position}")
  @StaffOnly({Groups.SALES, Groups.OPERATORS, Groups.ADMINS})
  public CallContact call(@PathVariable String id, @PathVariable int position) {
    Recipient r = calls.recipient(id, position);
    return new CallContact(r.name(), r.email(), r.jobNumber(), r.status().name());
  }
}
