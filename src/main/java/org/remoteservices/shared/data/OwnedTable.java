package org.remoteservices.shared.data;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A table of the project's own schema as its owner declares it: every column, and which of them can hold
 * personal data. The privacy feature's inventory test compares these declarations with the live schema, so a
 * table or column that nobody declared fails the build instead of being missed by an erasure.
 *
 * @param name the table's name, lower case
 * @param columns every column of the table, lower case
 * @param personal the columns that can hold personal data (a subset of {@code columns}): found, described and
 *     erased by the owner's subject-data provider
 */
public record OwnedTable(String name, List<String> columns, Set<String> personal) {
  public OwnedTable {
    name = name.toLowerCase(Locale.ROOT);
    columns = columns.stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
    personal = Set.copyOf(personal.stream().map(c -> c.toLowerCase(Locale.ROOT)).toList());
    if (!columns.containsAll(personal)) {
      throw new IllegalArgumentException("table " + name + ": personal columns must be among its columns");
    }
  }

  /** A table declared with its columns, some of them personal. */
  public static OwnedTable table(String name, List<String> columns, String... personal) {
    return new OwnedTable(name, columns, Set.of(personal));
  }

  public boolean holdsPersonalData() {
    return !personal.isEmpty();
  }
}
