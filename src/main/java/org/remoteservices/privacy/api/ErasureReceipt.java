package org.remoteservices.privacy.api;

import java.util.Map;

/**
 * What a provider's erasure did, for the erasure certificate: rows erased per kind of record, and what a
 * retention decision or legal hold kept (pseudonymised where possible) with the category that kept it.
 *
 * @param store the provider's {@link SubjectDataProvider#store()}
 * @param erased rows erased, by a code in upper case ({@code SUPPORT_REQUEST}, {@code WORK_ORDER},
 *     {@code JOB_LOCATION}); the tombstone keeps these counts
 * @param kept what was kept and why, both readable ("2 work orders, pseudonymised" → "retained: Work orders")
 */
public record ErasureReceipt(String store, Map<String, Integer> erased, Map<String, String> kept) {
  public ErasureReceipt {
    erased = Map.copyOf(erased);
    kept = Map.copyOf(kept);
  }

  public int total() {
    return erased.values().stream().mapToInt(Integer::intValue).sum();
  }

  public static ErasureReceipt nothing(String store) {
    return new ErasureReceipt(store, Map.of(), Map.of());
  }
}
