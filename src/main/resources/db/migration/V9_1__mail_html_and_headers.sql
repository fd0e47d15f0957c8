-- issue 12: mails carry an HTML part next to the plain text, and extra headers (List-Unsubscribe)
alter table mail_record add column html_body varchar(65535);
alter table mail_record add column headers varchar(2000);
