-- issue 12: communications by purpose (docs/communications.md)

-- what a person chose at intake: marketing consent (with the wording's version and where it was given) and country
create table contact_choice (
    id                 varchar(36)  primary key,
    support_request_id varchar(36),
    email              varchar(254) not null,
    country            varchar(2),
    marketing_consent  boolean      not null,
    wording_version    varchar(40)  not null,
    source             varchar(30)  not null,
    gpc_signal         boolean      not null,
    recorded_at        timestamp    not null
);
create index ix_contact_choice_email on contact_choice (email);
create index ix_contact_choice_request on contact_choice (support_request_id);

-- one send: what, to which jobs, how far
create table communication (
    id              varchar(36)    primary key,
    purpose         varchar(20)    not null,
    subject         varchar(200)   not null,
    body            varchar(10000) not null,
    job_numbers     varchar(4000),
    notice_version  varchar(40),
    status          varchar(20)    not null,
    chunk_size      int            not null,
    created_by      varchar(100),
    created_at      timestamp      not null,
    completed_at    timestamp
);

-- one row per person reached: the unique (communication, email) row is claimed before the mail leaves,
-- so a rerun after a crash never sends the same communication to anyone twice
create table communication_recipient (
    communication_id   varchar(36)  not null references communication (id),
    position           int          not null,
    email              varchar(254) not null,
    name               varchar(200),
    support_request_id varchar(36),
    job_number         varchar(32),
    status             varchar(20)  not null,
    updated_at         timestamp    not null,
    primary key (communication_id, email),
    unique (communication_id, position)
);
create index ix_communication_recipient_email on communication_recipient (email);

-- who was not reached and why, counted (no personal data)
create table communication_skip (
    communication_id varchar(36) not null references communication (id),
    reason           varchar(30) not null,
    skipped          int         not null,
    primary key (communication_id, reason)
);
