package org.remoteservices.support.application.port;

import java.util.Optional;
import org.remoteservices.support.domain.WorkOrder;

/** Where work orders are kept; implemented in adapter.db. */
public interface WorkOrderStore {
  void insert(String id, String supportRequestId, String summary, String actionsTaken, String recommendations, String documentedBy);

  /** The request's newest work order. */
  Optional<WorkOrder> current(String supportRequestId);

  void setPdf(String id, String pdfFile);

  void markSent(String id);
}
