-- What a mail on record says, written once when the mail is stored and never updated (issue 14): delivering a mail
-- (held, failed, sent, each recipient counted) updates only mail_record's narrow row, so the body and the HTML part
-- are not written again with each of those updates. Body, HTML part and headers are stored already redacted; the link
-- tokens and codes they need until delivery stay in mail_record.secrets (format: MailOutbox.Secrets).
create table mail_content (
    mail_record_id     varchar(36) primary key,
    body               varchar(65535) not null,
    html_body          varchar(65535),
    headers            varchar(2000),
    constraint fk_mail_content_record foreign key (mail_record_id) references mail_record (id)
);

-- the mails on record until now. A pending one's HTML part and headers still hold their tokens (only its body was
-- stored redacted): MailOutbox redacts them when it is sent, as it did before.
insert into mail_content (mail_record_id, body, html_body, headers)
select id, body, html_body, headers from mail_record;

alter table mail_record drop column body;
alter table mail_record drop column html_body;
alter table mail_record drop column headers;
