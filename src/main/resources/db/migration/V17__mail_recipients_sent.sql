-- A mail to two people is sent as two messages, one after the other. How many of its recipients have it already, so
-- that a delivery cut off between the two (a crash, a dropped connection) sends the rest and not the first one again.
alter table mail_record add column recipients_sent int default 0 not null;
