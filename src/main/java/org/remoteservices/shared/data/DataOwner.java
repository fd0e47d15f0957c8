package org.remoteservices.shared.data;

import java.util.List;

/**
 * Whoever owns tables of the project's own schema declares them here: a Spring bean per owner. The inventory
 * test reads the live schema and fails when a table or column is declared by no owner, or by two; a table with
 * personal columns must be owned by a subject-data provider of the privacy feature, so access and erasure reach
 * it. Flyway's history table and the engine's ACT_* tables are not the project's own.
 */
public interface DataOwner {
  List<OwnedTable> tables();
}
