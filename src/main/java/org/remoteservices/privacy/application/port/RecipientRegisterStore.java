package org.remoteservices.privacy.application.port;

import java.util.List;
import java.util.Optional;
import org.remoteservices.privacy.domain.RegisteredRecipient;

/** The recipient and transfer register; implemented in adapter.db. */
public interface RecipientRegisterStore {
  List<RegisteredRecipient> all();

  Optional<RegisteredRecipient> find(String id);

  void insert(RegisteredRecipient recipient);

  boolean update(RegisteredRecipient recipient);

  boolean delete(String id);
}
