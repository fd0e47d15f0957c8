package org.remoteservices.jobs.adapter.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.remoteservices.jobs.api.Job;
import org.remoteservices.jobs.application.JobStore;
import org.remoteservices.shared.time.TimeSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class JobRepository implements JobStore {
  private static final String COLUMNS = """
      job_number, job_name, location_address, site_contact_name, site_contact_email, site_contact_phone,
      scheduling_contact_name, scheduling_contact_email, scheduling_contact_phone, system_obsolescence_date, time_zone, warranty_until""";

  private final JdbcClient jdbc;
  private final TimeSource time;

  public JobRepository(JdbcClient jdbc, TimeSource time) {
    this.jdbc = jdbc;
    this.time = time;
  }

  @Override
  public Optional<Job> find(String jobNumber) {
    return jdbc.sql("select " + COLUMNS + " from job where job_number = ?").param(jobNumber).query(JobRepository::map).optional();
  }

  @Override
  public boolean exists(String jobNumber) {
    return jdbc.sql("select count(*) from job where job_number = ?").param(jobNumber).query(Integer.class).single() > 0;
  }

  @Override
  public List<Job> list(int offset, int limit) {
    return jdbc.sql("select " + COLUMNS + " from job order by job_number offset ? rows fetch next ? rows only")
        .params(offset, limit)
        .query(JobRepository::map)
        .list();
  }

  @Override
  public List<Job> listAfter(String afterJobNumber, int limit) {
    return jdbc.sql("select " + COLUMNS + " from job where job_number > ? order by job_number fetch first ? rows only")
        .params(afterJobNumber == null ? "" : afterJobNumber, limit)
        .query(JobRepository::map)
        .list();
  }

  @Override
  public List<Job> warrantiesEnding(java.time.LocalDate from, java.time.LocalDate to, String afterJobNumber, int limit) {
    return jdbc.sql("select " + COLUMNS + " from job where warranty_until between ? and ? and job_number > ? order by job_number fetch first ? rows only")
        .params(from, to, afterJobNumber == null ? "" : afterJobNumber, limit)
        .query(JobRepository::map)
        .list();
  }

  @Override
  public void updateWarrantyUntil(String jobNumber, java.time.LocalDate date) {
    jdbc.sql("update job set warranty_until = ? where job_number = ?").params(date, jobNumber).update();
  }

  @Override
  public void insert(Job job) {
    jdbc.sql("insert into job (" + COLUMNS + ", created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(job.jobNumber(), job.jobName(), job.locationAddress(),
            job.siteContact().name(), job.siteContact().email(), job.siteContact().phone(),
            job.schedulingContact().name(), job.schedulingContact().email(), job.schedulingContact().phone(),
            job.systemObsolescenceDate(), job.timeZone(), job.warrantyUntil(), Timestamp.from(time.now()))
        .update();
  }

  @Override
  public void updateObsolescenceDate(String jobNumber, java.time.LocalDate date) {
    jdbc.sql("update job set system_obsolescence_date = ? where job_number = ?").params(date, jobNumber).update();
  }

  @Override
  public void insertDestruction(String id, String jobNumber, java.time.LocalDate retainUntil, java.time.Instant destroyedAt, int cases,
      String erased, String kept) {
    jdbc.sql("""
            insert into record_destruction (id, job_number, retain_until, destroyed_at, cases, erased, kept)
            values (?, ?, ?, ?, ?, ?, ?)""")
        .params(id, jobNumber, retainUntil, Timestamp.from(destroyedAt), cases, erased, kept)
        .update();
  }

  @Override
  public boolean destroyed(String jobNumber) {
    return jdbc.sql("select count(*) from record_destruction where job_number = ? and kept is null").param(jobNumber)
        .query(Integer.class).single() > 0;
  }

  @Override
  public boolean replaceLocation(String jobNumber, String replacement) {
    return jdbc.sql("update job set location_address = ? where job_number = ? and location_address <> ?")
        .params(replacement, jobNumber, replacement).update() > 0;
  }

  private static Job map(ResultSet rs, int row) throws SQLException {
    return new Job(
        rs.getString("job_number"),
        rs.getString("job_name"),
        rs.getString("location_address"),
        new Job.Contact(rs.getString("site_contact_name"), rs.getString("site_contact_email"), rs.getString("site_contact_phone")),
        new Job.Contact(rs.getString("scheduling_contact_name"), rs.getString("scheduling_contact_email"), rs.getString("scheduling_contact_phone")),
        rs.getObject("system_obsolescence_date", java.time.LocalDate.class),
        rs.getString("time_zone"),
        rs.getObject("warranty_until", java.time.LocalDate.class));
  }
}
