-- issue 13: the site's time zone (IANA id, e.g. Europe/Berlin): session times are agreed, mailed and put in the
-- calendar invitation in the site's local time, UTC beside it. Existing jobs keep UTC until an operator sets it.
alter table job add column time_zone varchar(64) default 'UTC' not null;
