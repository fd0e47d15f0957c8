package org.remoteservices.privacy.application;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.remoteservices.privacy.api.LegalHolds;
import org.remoteservices.privacy.api.RetentionCategory;
import org.remoteservices.privacy.application.port.PrivacyRecordStore;
import org.springframework.stereotype.Service;

/** {@link LegalHolds} from the privacy feature's own legal-hold records. */
@Service
public class LegalHoldDirectory implements LegalHolds {
  private final PrivacyRecordStore records;

  public LegalHoldDirectory(PrivacyRecordStore records) {
    this.records = records;
  }

  @Override
  public Set<RetentionCategory> heldCategories(String jobNumber, LocalDate today) {
    Set<RetentionCategory> held = EnumSet.noneOf(RetentionCategory.class);
    records.activeHolds(List.of(jobNumber), today).forEach(h -> held.add(h.category()));
    return held;
  }
}
