package org.remoteservices.privacy.application;

import java.util.Set;
import org.remoteservices.privacy.api.SharingPermissions;
import org.remoteservices.privacy.application.port.PrivacyRecordStore;
import org.remoteservices.privacy.domain.PrivacyRight;
import org.springframework.stereotype.Service;

/** {@link SharingPermissions} from the subject's standing choices (flags under their salted key). */
@Service
public class ContractorSharing implements SharingPermissions {
  /** Each of these stops sharing with contractors: the opt-outs themselves, and the rights that stop such processing. */
  static final Set<String> NO_CONTRACTOR_SHARING = Set.of(PrivacyRight.OPT_OUT_OF_SALE.name(), PrivacyRight.LIMIT_SENSITIVE.name(),
      PrivacyRight.WITHDRAW_CONSENT.name(), PrivacyRight.OBJECTION.name(), PrivacyRight.RESTRICTION.name());

  private final PrivacyRecordStore records;
  private final SubjectKeys keys;

  public ContractorSharing(PrivacyRecordStore records, SubjectKeys keys) {
    this.records = records;
    this.keys = keys;
  }

  @Override
  public boolean mayShareWithContractors(String email) {
    if (email == null || email.isBlank()) {
      return false;
    }
    return records.flags(keys.of(email)).stream().noneMatch(NO_CONTRACTOR_SHARING::contains);
  }
}
