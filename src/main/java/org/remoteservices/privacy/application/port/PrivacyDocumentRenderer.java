package org.remoteservices.privacy.application.port;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.remoteservices.privacy.domain.PrivacyRequest;
import org.remoteservices.privacy.api.ErasureReceipt;
import org.remoteservices.privacy.api.RetentionCategory;

/** The privacy feature's documents (declaration, access report, erasure certificate) as PDF; implemented in adapter.pdf. */
public interface PrivacyDocumentRenderer {
  byte[] declaration(PrivacyRequest request, String signerName, Instant signedAt);

  /** Every category of data held, one table per row; empty categories say so. */
  byte[] accessReport(PrivacyRequest request, Map<String, List<Map<String, Object>>> data, Instant compiledAt);

  /** The certificate: counts per store of the plan, each provider's receipt, what was retained and why, who was told. */
  byte[] erasureCertificate(PrivacyRequest request, Instant erasedAt, Map<String, Integer> erased, List<ErasureReceipt> receipts,
      Map<RetentionCategory, String> retained, LocalDate backupsAgeOutOn, List<String> recipientsTold);
}
