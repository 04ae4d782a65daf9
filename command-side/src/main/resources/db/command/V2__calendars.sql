-- The calendars as declared by events: national days (scope CN) and the extra days of regions (scope = agency code).
create table calendar_day (
    scope varchar(64) not null,
    day   date        not null,
    kind  varchar(10) not null check (kind in ('HOLIDAY', 'WORKDAY')),
    primary key (scope, day)
);

create table calendar_year (
    scope varchar(64) not null,
    year  integer     not null,
    primary key (scope, year)
);

-- The open requests and what their due dates depend on, to find the ones a calendar change touches.
create table request_deadline (
    request_id   varchar(64) not null primary key,
    agency_code  varchar(64) not null,
    received_on  date        not null,
    due_on       date,
    open         boolean     not null default true
);
create index request_deadline_open_due on request_deadline (due_on) where open;
