-- Issue 13d: each staff member's own switch for the "a task waits for your group" mails (and the reminder before a
-- task is due). A row only for whoever switched: no row means the mails are on. Staff settings, keyed by the Camunda
-- user id; no customer data (docs/staff-pages.md "Task mails").
create table task_mail_setting (
    user_id     varchar(64) primary key,
    mails_on    boolean     not null,
    updated_at  timestamp   not null
);
