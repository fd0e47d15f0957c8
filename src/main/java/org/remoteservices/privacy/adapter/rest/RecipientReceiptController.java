package org.remoteservices.privacy.adapter.rest;

import org.remoteservices.privacy.application.RecipientReceipts;
import org.remoteservices.shared.security.PublicEndpoint;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** A recipient confirms an Art. 19 notice through the link in it (the token is the only credential; single use). */
@RestController
@PublicEndpoint
public class RecipientReceiptController {
  private final RecipientReceipts receipts;

  public RecipientReceiptController(RecipientReceipts receipts) {
    this.receipts = receipts;
  }

  @GetMapping("/api/privacy/receipts/{token}")
  public RecipientReceipts.Receipt receipt(@PathVariable String token) {
    return receipts.view(token);
  }

  @PostMapping("/api/privacy/receipts/{token}")
  public RecipientReceipts.Receipt confirmReceipt(@PathVariable String token) {
    return receipts.confirm(token);
  }
}
