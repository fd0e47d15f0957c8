-- issue 11 (B): lifting a restriction tells the person first. One row per lift of a request's restriction: why,
-- when the notice went out, when the restriction is lifted (after the notice period) and when it was. No personal data.
create table privacy_restriction_lift (
    privacy_request_id varchar(36)   primary key,
    reason             varchar(2000) not null,
    requested_by       varchar(64),
    requested_at       timestamp     not null,
    notice_sent_at     timestamp,
    lift_at            timestamp     not null,
    lifted_at          timestamp
);
