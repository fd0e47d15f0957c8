package org.remoteservices.support.domain;

/** The technician's account of the work done for a request, sent to the job's contacts as a PDF. */
public record WorkOrder(String id, String supportRequestId, String summary, String actionsTaken, String recommendations, String pdfFile) {}
