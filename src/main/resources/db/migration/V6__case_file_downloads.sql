-- Every download of a case file by staff (docs/security.md): who, when, which file. Staff ids and the ids of the
-- case and the file only, none of the customer's data; the rows go when the case is erased.
create table case_file_download (
    id                 varchar(36) primary key,
    support_request_id varchar(36) not null references support_request (id),
    file_kind          varchar(20) not null,
    file_id            varchar(36) not null,
    downloaded_by      varchar(64) not null,
    downloaded_at      timestamp   not null
);
create index ix_case_file_download_request on case_file_download (support_request_id);

-- What an uploaded signed copy carries that can act on the reader's machine (shared.pdf.PdfActiveContent codes,
-- comma-separated: JAVASCRIPT, EMBEDDED_FILES, LAUNCH_ACTION, RICH_MEDIA, XFA_FORM, NOT_INSPECTED); null for none.
-- Such a copy is accepted all the same and flagged to the technician who opens it.
alter table rssv_return add column content_warning varchar(200);
