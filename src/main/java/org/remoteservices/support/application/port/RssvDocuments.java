package org.remoteservices.support.application.port;

import java.time.Instant;
import java.util.Set;
import org.remoteservices.jobs.api.Job;
import org.remoteservices.shared.pdf.PdfActiveContent;
import org.remoteservices.support.domain.SupportRequest;

/** The RSSV form as a PDF; implemented in adapter.pdf. */
public interface RssvDocuments {
  byte[] render(SupportRequest request, Job job, String referenceCode, Instant generatedAt);

  /** Stamps an online signature (signer, time, the original's SHA-256) onto every page of the original form. */
  byte[] stampOnlineSignature(byte[] original, String signerName, Instant signedAt, String originalSha256);

  /** True if the bytes are a PDF that parses (a renamed executable or a truncated upload is not). */
  boolean isReadablePdf(byte[] content);

  /** What a readable PDF carries that can act on the reader's machine (scripts, embedded files, ...); empty for none. */
  Set<PdfActiveContent> activeContent(byte[] content);
}
