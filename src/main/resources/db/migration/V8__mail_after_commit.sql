-- Mail after commit (docs/operations.md "Mail delivery"): the sending step stores the mail, the mail leaves once the
-- step's transaction has completed, and a sweeper delivers what is still undelivered (crash, SMTP outage) with a
-- growing delay.
--   attempts          failed delivery attempts so far (the health indicator and metrics count mails past a limit)
--   next_attempt_at   when the sweeper may try again
--   delivering_until  a delivery in flight holds the mail until then (a node that died mid-send lets go of it)
--   secrets           the mailed link tokens and codes, only until delivery: the body is stored once, already
--                     redacted, and the mail that leaves is that body with these put back
alter table mail_record add column attempts int default 0 not null;
alter table mail_record add column next_attempt_at timestamp;
alter table mail_record add column delivering_until timestamp;
alter table mail_record add column secrets varchar(4000);
update mail_record set next_attempt_at = created_at where status = 'PENDING';
create index ix_mail_record_due on mail_record (status, next_attempt_at);

-- what proves which file was attached: the file store's key and the SHA-256 of the bytes that were sent
alter table mail_attachment add column sha256 varchar(64);
