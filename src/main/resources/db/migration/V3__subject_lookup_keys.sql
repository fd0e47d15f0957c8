-- A privacy request finds its subject among all support requests by e-mail address, or by name and phone, and
-- finds every mail sent to the address, also mails about other people's requests (a job's site contact, say).
-- Until V3 that meant lower(...) comparisons and a LIKE '%address%' over every mail on record: full scans whose cost
-- grows with the data. The keys below make each an index lookup (docs/performance.md, "Scale").
-- Normalisation is the application's (org.remoteservices.shared.lookup.LookupKeys); V4 fills the keys of existing rows.

alter table support_request add column requester_email_key varchar(254);
alter table support_request add column requester_phone_key varchar(40);
create index ix_support_request_email_key on support_request (requester_email_key);
create index ix_support_request_phone_key on support_request (requester_phone_key);

-- one row per recipient of a mail on record (mail_record.recipients keeps the comma-joined list as sent)
create table mail_recipient (
    mail_record_id varchar(36)  not null references mail_record (id),
    email_key      varchar(254) not null,
    primary key (mail_record_id, email_key)
);
create index ix_mail_recipient_email on mail_recipient (email_key);
