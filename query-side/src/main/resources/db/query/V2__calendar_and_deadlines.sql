-- The working-day calendar as declared by events: scope 'CN' holds the national dates, any other scope is the code of
-- the agency for which regional dates were declared (they apply to that agency and every agency under it).
-- Only the exceptions are stored: a date absent here is a working day when it falls from Monday to Friday.
create table calendar_day (
    scope varchar(64) not null,
    day   date        not null,
    kind  varchar(10) not null check (kind in ('HOLIDAY', 'WORKDAY')),
    primary key (scope, day)
);

-- Bumped in the same transaction as every change of calendar_day. Each instance of the query side keeps the calendars
-- it built in memory, tagged with this version: an instance that does not hold the calendar processor's claim, or that
-- reads before the change commits, still notices the change on its next read.
create table calendar_version (
    id      smallint not null primary key check (id = 1),
    version bigint   not null
);
insert into calendar_version (id, version) values (1, 0);

-- The deadline board reads only the open requests of a few agencies.
create index request_summary_open_agency on request_summary (agency_code) where closed_on is null;
