package org.remoteservices.privacy.api;

import java.util.Optional;

/**
 * A feature that keeps a person's own choices which the opt-out preference signal (Sec-GPC: 1) can conflict with
 * (the communications feature: a standing marketing consent). Asked by
 * {@link ContactPermissions#honorOptOutSignal} after the opt-out is recorded: it notes the conflict where it keeps
 * the choice. The signal has already won; the note only says so.
 */
public interface OptOutSignalConflicts {
  /**
   * Notes a conflicting choice of this person; returns the note for the public answer only when the conflicting choice
   * is the one made in the request with this id ({@code supportRequestId}, null for a request that makes none): a public
   * answer must not tell a stranger what an address chose earlier (docs/security.md).
   */
  Optional<String> noteConflict(String email, String supportRequestId);
}
