package org.remoteservices.privacy.application.subjects;

import static org.remoteservices.shared.data.OwnedTable.table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.remoteservices.privacy.api.ErasureReceipt;
import org.remoteservices.privacy.api.ErasureStep;
import org.remoteservices.privacy.api.RetentionCategory;
import org.remoteservices.privacy.api.SubjectDataProvider;
import org.remoteservices.privacy.api.SubjectQuery;
import org.remoteservices.privacy.api.SubjectRecords;
import org.remoteservices.privacy.application.SubjectKeys;
import org.remoteservices.privacy.application.port.PrivacyRecordStore;
import org.remoteservices.shared.data.OwnedTable;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The subject's standing choices (restriction, objection, opt-outs), kept under the salted key of each of their
 * addresses: the one they wrote from and the ones on record. Record ids are those keys.
 */
@Component
@Order(50)
public class ConsentFlagsSubjectData implements SubjectDataProvider {
  public static final String STORE = "FLAGS";

  private final PrivacyRecordStore records;
  private final SubjectKeys keys;

  public ConsentFlagsSubjectData(PrivacyRecordStore records, SubjectKeys keys) {
    this.records = records;
    this.keys = keys;
  }

  @Override
  public String store() {
    return STORE;
  }

  @Override
  public ErasureStep erasureStep() {
    return ErasureStep.FLAGS;
  }

  @Override
  public List<OwnedTable> tables() {
    return List.of(table("privacy_subject_flag", List.of("subject_key", "flag", "privacy_request_id", "set_at"), "subject_key"));
  }

  @Override
  public SubjectRecords find(SubjectQuery query) {
    Set<String> subjectKeys = new LinkedHashSet<>();
    query.allEmailKeys().forEach(email -> subjectKeys.add(keys.of(email)));
    return SubjectRecords.of(STORE, List.copyOf(subjectKeys));
  }

  @Override
  public Map<String, List<Map<String, Object>>> describe(SubjectRecords subject) {
    List<Map<String, Object>> flags = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (String key : subject.recordIds()) {
      for (PrivacyRecordStore.Flag f : records.flagsWithDates(key)) {
        if (seen.add(f.flag())) {
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("choice", f.flag());
          row.put("recorded_at", f.setAt());
          flags.add(row);
        }
      }
    }
    Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
    out.put("consent_flags", flags);
    return out;
  }

  @Override
  public ErasureReceipt erase(SubjectRecords subject, Set<RetentionCategory> retained, String reason) {
    int erased = 0;
    for (String key : subject.recordIds()) {
      erased += records.deleteFlags(key);
    }
    return new ErasureReceipt(STORE, Map.of("CONSENT_FLAG", erased), Map.of());
  }
}
