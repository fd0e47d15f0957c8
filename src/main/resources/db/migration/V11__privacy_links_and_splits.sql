-- issue 11 (B): a right already open in an earlier request of the same person is linked to it instead of run twice;
-- the opt-out parts of a mixed request become a request of their own (own clock, no verification, own answer).
-- Ids only, no personal data.
alter table privacy_request_right add column linked_request_id varchar(36);
alter table privacy_request add column split_from_id varchar(36);
-- why a deadline was missed, as the privacy officer recorded it in the "DEADLINE MISSED" task
alter table privacy_request add column deadline_missed_reason varchar(2000);
