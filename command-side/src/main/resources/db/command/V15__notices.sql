-- Notices (ADR 19). One counter row per number series (agency, kind, year): a notice takes the next number by updating
-- its row inside the command's transaction, which holds the row lock until the event is stored. A second notice of the
-- same series waits for the first; a command that fails rolls its number back, so the series has no gaps.
create table notice_series (
    agency_code varchar(64) not null,
    kind        varchar(20) not null,
    year        integer     not null,
    last_number integer     not null,
    primary key (agency_code, kind, year)
);

-- The documents exactly as issued: written in the same transaction as the NoticeIssued event, never changed afterwards,
-- so that a later template never alters a letter already sent. sha256 repeats the event's, hex.
create table notice_document (
    request_id       varchar(64)  not null,
    number           varchar(500) not null,
    agency_code      varchar(64)  not null,
    kind             varchar(20)  not null,
    series_year      integer      not null,
    sequence         integer      not null,
    issued_on        date         not null,
    template_version varchar(64)  not null,
    sha256           char(64)     not null,
    content          bytea        not null,
    issued_at        timestamp with time zone not null default now(),
    primary key (request_id, number),
    unique (agency_code, kind, series_year, sequence)
);

-- What an agency's notices print (AgencyNoticeSettingsChanged), kept in step with the events by the subscribing
-- directory processor. A null column is not set: the parent agency's value applies, then the default.
create table notice_settings (
    agency_code          varchar(64)  not null primary key,
    short_name           varchar(200),
    number_pattern       varchar(200),
    reconsideration_body varchar(200),
    court                varchar(200)
);
