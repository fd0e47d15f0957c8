-- What each subject-data provider erased and kept for an erasure (the certificate lists them). No personal data:
-- counts by code and readable sentences about categories.
create table privacy_erasure_receipt (
    privacy_request_id varchar(36)   not null references privacy_request (id),
    store              varchar(20)   not null,
    erased             varchar(2000) not null,
    kept               varchar(2000),
    recorded_at        timestamp     not null,
    primary key (privacy_request_id, store)
);
