-- issue 12 part C: the job's warranty date and the warranty-expiry reminders (docs/communications.md)
alter table job add column warranty_until date;
create index ix_job_warranty_until on job (warranty_until);

-- one reminder per job and warranty date: the primary key is the idempotency record (a second pass, a second node,
-- a restart find it and start nothing); a moved date is a new key, so it gets its own reminder
create table warranty_reminder (
    job_number       varchar(32) not null,
    warranty_until   date        not null,
    communication_id varchar(36) not null,
    created_at       timestamp   not null,
    primary key (job_number, warranty_until)
);
