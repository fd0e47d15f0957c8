package org.remoteservices.support.adapter.rest;

import org.remoteservices.shared.security.PublicEndpoint;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The customer portal's pages: static HTML that talks to the JSON API (the token stays in the path). */
@Controller
@PublicEndpoint
public class PortalPagesController {
  /** The portal's home: the three things a customer comes for (remote support, a privacy request, the privacy notice). */
  @GetMapping("/portal")
  public String home() {
    return "forward:/portal/index.html";
  }

  @GetMapping("/portal/support")
  public String support() {
    return "forward:/portal/support.html";
  }

  @GetMapping("/portal/rssv/{token}")
  public String rssv(@PathVariable String token) {
    return "forward:/portal/rssv.html";
  }

  /** The status page behind the private link of the confirmation and of every support mail. */
  @GetMapping("/portal/status/{token}")
  public String status(@PathVariable String token) {
    return "forward:/portal/status.html";
  }

  @GetMapping("/portal/survey/{token}")
  public String survey(@PathVariable String token) {
    return "forward:/portal/survey.html";
  }
}
