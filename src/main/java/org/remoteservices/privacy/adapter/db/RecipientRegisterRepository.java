package org.remoteservices.privacy.adapter.db;

import static org.remoteservices.shared.data.OwnedTable.table;

import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.remoteservices.privacy.application.port.RecipientRegisterStore;
import org.remoteservices.privacy.domain.RegisteredRecipient;
import org.remoteservices.shared.data.DataOwner;
import org.remoteservices.shared.data.OwnedTable;
import org.remoteservices.shared.time.TimeSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The recipient and transfer register. A plain {@link DataOwner}: it holds organisations and their privacy contacts,
 * nobody's personal data as a data subject.
 */
@Repository
public class RecipientRegisterRepository implements RecipientRegisterStore, DataOwner {
  private static final String SEPARATOR = "\n";

  private final JdbcClient jdbc;
  private final TimeSource time;

  public RecipientRegisterRepository(JdbcClient jdbc, TimeSource time) {
    this.jdbc = jdbc;
    this.time = time;
  }

  @Override
  public List<OwnedTable> tables() {
    return List.of(table("privacy_recipient_register", List.of("id", "name", "role", "country", "data_categories", "legal_basis",
        "transfer_safeguard", "contact_email", "created_at", "updated_at")));
  }

  public List<RegisteredRecipient> all() {
    return jdbc.sql("select * from privacy_recipient_register order by role, name, id").query(RecipientRegisterRepository::map).list();
  }

  public Optional<RegisteredRecipient> find(String id) {
    return jdbc.sql("select * from privacy_recipient_register where id = ?").param(id).query(RecipientRegisterRepository::map).optional();
  }

  public void insert(RegisteredRecipient r) {
    Timestamp now = Timestamp.from(time.now());
    jdbc.sql("""
            insert into privacy_recipient_register (id, name, role, country, data_categories, legal_basis, transfer_safeguard, contact_email,
              created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(r.id(), r.name(), r.role().name(), r.country(), String.join(SEPARATOR, r.dataCategories()), r.legalBasis(), r.transferSafeguard(),
            r.contactEmail(), now, now)
        .update();
  }

  public boolean update(RegisteredRecipient r) {
    return jdbc.sql("""
            update privacy_recipient_register set name = ?, role = ?, country = ?, data_categories = ?, legal_basis = ?, transfer_safeguard = ?,
              contact_email = ?, updated_at = ? where id = ?""")
        .params(r.name(), r.role().name(), r.country(), String.join(SEPARATOR, r.dataCategories()), r.legalBasis(), r.transferSafeguard(),
            r.contactEmail(), Timestamp.from(time.now()), r.id())
        .update() > 0;
  }

  public boolean delete(String id) {
    return jdbc.sql("delete from privacy_recipient_register where id = ?").param(id).update() > 0;
  }

  private static RegisteredRecipient map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new RegisteredRecipient(rs.getString("id"), rs.getString("name"), RegisteredRecipient.Role.valueOf(rs.getString("role")),
        rs.getString("country"), Arrays.stream(rs.getString("data_categories").split(SEPARATOR)).filter(s -> !s.isBlank()).toList(),
        rs.getString("legal_basis"), rs.getString("transfer_safeguard"), rs.getString("contact_email"));
  }
}
