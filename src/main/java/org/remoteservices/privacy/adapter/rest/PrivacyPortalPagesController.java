package org.remoteservices.privacy.adapter.rest;

import org.remoteservices.shared.security.PublicEndpoint;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The portal's privacy pages: static HTML with privacy.js that talks to the JSON API (tokens stay in the path). */
@Controller
@PublicEndpoint
public class PrivacyPortalPagesController {
  @GetMapping("/portal/privacy-request")
  public String request() {
    return "forward:/portal/privacy-request.html";
  }

  @GetMapping({"/portal/privacy/declaration/{token}", "/portal/privacy/agent-permission/{token}", "/portal/privacy/confirmation/{token}",
      "/portal/privacy/identity/{token}", "/portal/privacy/email-change/{token}"})
  public String evidence(@PathVariable String token) {
    return "forward:/portal/privacy-evidence.html";
  }

  @GetMapping("/portal/privacy/download/{token}")
  public String download(@PathVariable String token) {
    return "forward:/portal/privacy-download.html";
  }

  @GetMapping("/portal/privacy/receipt/{token}")
  public String receipt(@PathVariable String token) {
    return "forward:/portal/privacy-receipt.html";
  }

  @GetMapping("/portal/unsubscribe/{token}")
  public String unsubscribe(@PathVariable String token) {
    return "forward:/portal/unsubscribe.html";
  }
}
