-- Attachments (ADR 20). The bytes in chunks of 256 KiB, written and read one chunk at a time so that no file is ever
-- whole in memory; a content row without a request is an upload whose command has not (yet) succeeded.
create table attachment_content (
    id         uuid        primary key,
    size       bigint      not null,
    sha256     char(64)    not null,
    created_at timestamp with time zone not null default now()
);

create table attachment_chunk (
    content_id uuid    not null references attachment_content (id) on delete cascade,
    seq        integer not null,
    data       bytea   not null,
    primary key (content_id, seq)
);

-- The attachments of each request as the AttachmentAdded/AttachmentRemoved commands left them, written in the command's
-- transaction: what the list and the download read. A removed attachment keeps its row (410 on download), not its bytes.
create table request_attachment (
    attachment_id  uuid         primary key,
    request_id     varchar(64)  not null,
    kind           varchar(32)  not null,
    name           varchar(255) not null,
    media_type     varchar(200) not null,
    size           bigint       not null,
    sha256         char(64)     not null,
    added_on       date         not null,
    added_at       timestamp with time zone not null default now(),
    removed_on     date,
    removal_reason varchar(500)
);
create index request_attachment_request on request_attachment (request_id, added_at);
