-- A deactivated user keeps their account and history but neither signs in nor keeps a session.
alter table user_account add column active boolean not null default true;

-- The sign-in log records a deactivated user's attempts as such.
alter table sign_in_log drop constraint sign_in_log_result_check;
alter table sign_in_log add constraint sign_in_log_result_check
    check (result in ('SUCCESS', 'WRONG_PASSWORD', 'UNKNOWN_USER', 'THROTTLED', 'INACTIVE'));

-- Every name an agency has had and the day it took it (in the office's zone): a report names the agency as it was
-- called at the end of its year. Keyed by the event's position, so replaying the events writes each row once.
create table agency_name (
    code         varchar(64)  not null,
    name         varchar(200) not null,
    named_on     date         not null,
    event_id     varchar(64)  not null primary key
);
create index agency_name_by_code on agency_name (code, named_on);
