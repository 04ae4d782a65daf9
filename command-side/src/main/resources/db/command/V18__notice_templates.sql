-- Notice layouts uploaded by administrators (ADR 22). Each upload is a version of its agency and kind, kept for good:
-- a notice records the version id it was written with, and the history shows who uploaded what and when.
create table notice_template (
    agency_code varchar(64)  not null,
    kind        varchar(20)  not null,
    version     integer      not null,
    version_id  varchar(120) not null unique,
    sha256      char(64)     not null,
    file_name   varchar(255),
    uploaded_by varchar(64)  not null,
    uploaded_at timestamp with time zone not null,
    content     bytea        not null,
    primary key (agency_code, kind, version)
);

-- The layout an agency uses for a kind, kept in step with NoticeTemplateUploaded / NoticeTemplateReverted by the
-- subscribing directory processor. No row: the nearest agency above that has one, else the shipped default.
create table notice_template_choice (
    agency_code varchar(64)  not null,
    kind        varchar(20)  not null,
    version_id  varchar(120) not null references notice_template (version_id),
    primary key (agency_code, kind)
);
