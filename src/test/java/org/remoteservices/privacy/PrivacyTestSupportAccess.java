package org.remoteservices.privacy;

import org.remoteservices.privacy.application.SubjectChoicesService;
import org.springframework.beans.factory.annotation.Autowired;

/** {@link PrivacyTestSupport} for tests of other packages (the security suite's impostors). */
public abstract class PrivacyTestSupportAccess extends PrivacyTestSupport {
  @Autowired protected SubjectChoicesService choices;
}
