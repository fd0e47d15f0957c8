package org.remoteservices.privacy.api;

import java.util.Optional;

/**
 * A feature that keeps a person's own choices which the opt-out preference signal (Sec-GPC: 1) can conflict with
 * (the communications feature: a standing marketing consent). Asked by
 * {@link ContactPermissions#honorOptOutSignal} after the opt-out is recorded: it notes the conflict where it keeps
 * the choice and returns the note for the answer. The signal has already won; the note only says so.
 */
public interface OptOutSignalConflicts {
  Optional<String> noteConflict(String email);
}
