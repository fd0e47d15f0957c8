-- issue 11: what a job's record-retention pass destroyed at the end of its retention (system obsolescence + 10 years)
-- and what a legal hold kept. Counts and categories only: no personal data (the job number is the customer's installation).
create table record_destruction (
    id            varchar(36)   primary key,
    job_number    varchar(32)   not null,
    retain_until  date          not null,
    destroyed_at  timestamp     not null,
    cases         int           not null,
    erased        varchar(2000) not null,
    kept          varchar(2000)
);
create index ix_record_destruction_job on record_destruction (job_number);
