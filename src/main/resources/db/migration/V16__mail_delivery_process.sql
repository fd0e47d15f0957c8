-- A mail that keeps failing after its step has committed becomes a Cockpit incident (docs/operations.md "Mail delivery"):
-- from rso.mail.delivery.alert-after-attempts failed attempts the sweeper starts a `mail-delivery` process for it
-- (business key = the mail record's id) whose service task delivers it, and leaves the mail to that process.
--   delivery_process_at  when the sweeper started that process (null: the sweeper delivers the mail itself)
--   failed_in_step       the last failed attempt was the sending step's own (SMTP unreachable before its commit): that
--                        step is retried by the engine and becomes an incident itself, so no process is started for it
alter table mail_record add column delivery_process_at timestamp;
alter table mail_record add column failed_in_step boolean default false not null;
