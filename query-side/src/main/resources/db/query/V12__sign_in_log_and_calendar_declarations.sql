-- The query side's own sign-in log (cn.foi.platform.security.JdbcSignInLog), kept when it signs users in from its
-- projection, on its own: HTTP Basic calls sent to it directly. (The web UI signs in on the command side, and the
-- all-in-one uses the command side's log.) Attempts older than foi.sign-in.log-retention (180 days) are deleted.
create table sign_in_log (
    id         bigserial primary key,
    at         timestamptz not null,
    typed      text        not null,             -- the user name as typed (at most 100 characters kept)
    username   text        not null,             -- canonical: the account's name when it exists
    result     text        not null check (result in ('SUCCESS', 'WRONG_PASSWORD', 'UNKNOWN_USER', 'THROTTLED')),
    address    text,                             -- the client's address (the proxy's X-Forwarded-For when trusted)
    user_agent text,                             -- cut to 200 characters
    via        text        not null check (via in ('SESSION', 'BASIC'))
);
create index sign_in_log_at on sign_in_log (at desc);
create index sign_in_log_username_at on sign_in_log (username, at desc);

-- Every declaration of a year's national schedule (CalendarYearDeclared), kept so that the calendar page shows who
-- declared a year, when and why: a correction that takes back days moves the due dates of open requests.
create table calendar_declaration (
    event_id        varchar(64)  primary key,        -- the event's identifier: applying it twice keeps one row
    year            integer      not null,
    declared_at     timestamptz  not null,
    declared_by     varchar(64),                     -- null: declared before revision 2 named the user
    source          varchar(200) not null,
    reason          varchar(200),
    holidays        integer      not null,
    make_up_workdays integer     not null
);
create index calendar_declaration_year on calendar_declaration (year, declared_at desc);
