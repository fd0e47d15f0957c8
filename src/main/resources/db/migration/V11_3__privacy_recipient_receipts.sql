-- issue 11 (B): every Art. 19 notice carries a receipt link; receipts are tracked and unanswered notices reminded once.
alter table privacy_recipient_notice add column receipt_confirmed_at timestamp;
alter table privacy_recipient_notice add column reminded_at timestamp;
