package org.remoteservices.support.adapter.rest;

import org.remoteservices.shared.security.PublicEndpoint;
import org.remoteservices.support.application.CaseStatusService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The customer's status page data: only the private link's token opens it (404 otherwise); no personal data in it. */
@RestController
@PublicEndpoint
public class CaseStatusController {
  private final CaseStatusService status;

  public CaseStatusController(CaseStatusService status) {
    this.status = status;
  }

  @GetMapping("/api/case-status/{token}")
  public CaseStatusService.StatusView view(@PathVariable String token) {
    return status.view(token);
  }
}
