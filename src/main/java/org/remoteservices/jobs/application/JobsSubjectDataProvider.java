package org.remoteservices.jobs.application;

import static org.remoteservices.shared.data.OwnedTable.table;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.remoteservices.privacy.api.ErasureReceipt;
import org.remoteservices.privacy.api.RetentionCategory;
import org.remoteservices.privacy.api.SubjectDataProvider;
import org.remoteservices.privacy.api.SubjectQuery;
import org.remoteservices.privacy.api.SubjectRecords;
import org.remoteservices.shared.data.OwnedTable;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The job registry as a store of personal data. It owns the {@code job} table, whose location and contact columns
 * are personal data, but it finds no data subject of its own: the site and scheduling contacts are the customer
 * organisation's business contacts, kept in the registry for as long as the job is serviced and changed by
 * operators, not by a requester's privacy request. A job's location belongs to a requester only when they alone
 * asked for support about it; then the support feature's provider erases it through
 * {@link org.remoteservices.jobs.api.JobDirectory#eraseLocation}, since only support knows who asked about which job.
 */
@Component
@Order(20)
public class JobsSubjectDataProvider implements SubjectDataProvider {
  public static final String STORE = "JOBS";

  @Override
  public String store() {
    return STORE;
  }

  @Override
  public List<OwnedTable> tables() {
    return List.of(table("job", List.of("job_number", "job_name", "location_address", "site_contact_name", "site_contact_email",
            "site_contact_phone", "scheduling_contact_name", "scheduling_contact_email", "scheduling_contact_phone",
            "system_obsolescence_date", "created_at", "time_zone", "warranty_until"),
        "location_address", "site_contact_name", "site_contact_email", "site_contact_phone", "scheduling_contact_name",
        "scheduling_contact_email", "scheduling_contact_phone"),
        // what each record-retention pass destroyed: counts and categories per job, no personal data
        table("record_destruction", List.of("id", "job_number", "retain_until", "destroyed_at", "cases", "erased", "kept")));
  }

  /** Nothing: see the class comment. */
  @Override
  public SubjectRecords find(SubjectQuery query) {
    return SubjectRecords.none(STORE);
  }

  @Override
  public Map<String, List<Map<String, Object>>> describe(SubjectRecords records) {
    return Map.of();
  }

  @Override
  public ErasureReceipt erase(SubjectRecords records, Set<RetentionCategory> retained, String reason) {
    return ErasureReceipt.nothing(STORE);
  }
}
