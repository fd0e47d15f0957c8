package org.remoteservices.shared.process;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Runs an engine query as the application, not as the logged-in staff member: for the staff pages, whose own
 * {@code @StaffOnly} groups decide who sees a case; the engine's authorizations (which limit what each group sees in
 * Tasklist and Cockpit) would hide the finished tasks of other groups from the case's history. Besides reads, only the
 * application's own follow-up of a staff action it has already authorised (a recording uploaded starts its retention
 * timer), and the system's own bookkeeping processes started inside a staff action or a sweep (record-retention,
 * mail-delivery, a warranty reminder's communication); never an operation the staff member asked the engine for.
 */
public final class AsTheApplication {
  private AsTheApplication() {}

  public static <T> T run(IdentityService identity, Supplier<T> query) {
    Authentication current = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return query.get();
    } finally {
      if (current != null) {
        identity.setAuthentication(current);
      }
    }
  }
}
