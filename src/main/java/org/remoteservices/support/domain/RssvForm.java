package org.remoteservices.support.domain;

/** The Remote Session Security Verification form generated for a request (one per request). */
public record RssvForm(String id, String supportRequestId, String referenceCode, String pdfFile, String pdfSha256, String status) {}
