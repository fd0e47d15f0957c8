-- issue 11: a support file is either uploaded into the file store (source UPLOAD, file_key set) or a registered reference
-- to a large file kept elsewhere (source REFERENCE, external_ref set); a category listed at the session outcome without
-- either has no source yet. added_by: the staff user who added it.
alter table support_file add column source varchar(10);
alter table support_file add column external_ref varchar(500);
alter table support_file add column added_by varchar(64);
