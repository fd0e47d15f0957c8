-- issue 11: a recording kept on the remote-session tool's server is deleted there by an operator, who confirms who
-- deleted it, when and how (a choice, no free text); the destruction record keeps the confirmation.
alter table recording_destruction add column confirmed_by varchar(64);
alter table recording_destruction add column deleted_at timestamp;
alter table recording_destruction add column confirmation varchar(40);
