-- Verification by possession (docs/privacy.md "Verification"): the contact on record a request is answered at,
-- when the person proved they hold it, a pending e-mail change awaiting the old address's confirmation, when
-- the retention review was decided, and the lookup keys of the requester's e-mail and phone (earlier requests are
-- found by every key of the subject, like support requests).
alter table privacy_request add column contact_on_record varchar(254);
alter table privacy_request add column possession_confirmed_at timestamp;
alter table privacy_request add column pending_email varchar(254);
alter table privacy_request add column retention_reviewed_at timestamp;
alter table privacy_request add column requester_email_key varchar(254);
alter table privacy_request add column requester_phone_key varchar(40);
alter table privacy_request add column agent_email_key varchar(254);
create index ix_privacy_request_email_key on privacy_request (requester_email_key);
create index ix_privacy_request_phone_key on privacy_request (requester_phone_key);
create index ix_privacy_request_agent_key on privacy_request (agent_email_key);
update privacy_request set requester_email_key = lower(trim(requester_email)) where requester_email is not null;
update privacy_request set agent_email_key = lower(trim(agent_email)) where agent_email is not null;

-- Access reports and exports are downloaded, not attached: a single-use link valid 7 days that asks for a code
-- mailed separately. The code is stored as its SHA-256 only; every download (and every wrong code) is recorded.
create table privacy_download (
    id                 varchar(36)  primary key,
    privacy_request_id varchar(36)  not null references privacy_request (id),
    file_kind          varchar(20)  not null,
    file_key           varchar(300),
    code_hash          varchar(64)  not null,
    failed_attempts    int          not null,
    expires_at         timestamp    not null,
    downloaded_at      timestamp,
    purged_at          timestamp,
    created_at         timestamp    not null
);
create index ix_privacy_download_request on privacy_download (privacy_request_id);
create index ix_privacy_download_expiry on privacy_download (expires_at);
