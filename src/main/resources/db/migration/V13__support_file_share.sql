-- issue 11 (C): each support file a technician shared with a contractor from the recipient register: what (the file),
-- to whom (the register entry, with its name, country and transfer safeguard as they were at the time), when and by
-- whom. One row per file; share_id groups the files of one sharing (the support-file-sharing instance's business key).
-- Owned by support's subject-data provider: in the access report, erased with the subject (and with the job's records).
create table support_file_share (
    id                 varchar(36)  primary key,
    share_id           varchar(36)  not null,
    support_request_id varchar(36)  not null,
    support_file_id    varchar(36)  not null,
    recipient_id       varchar(36)  not null,
    recipient_name     varchar(200) not null,
    recipient_country  varchar(2)   not null,
    transfer_safeguard varchar(500),
    shared_by          varchar(64)  not null,
    shared_at          timestamp    not null
);
create index ix_support_file_share_request on support_file_share (support_request_id);
create index ix_support_file_share_share on support_file_share (share_id);
