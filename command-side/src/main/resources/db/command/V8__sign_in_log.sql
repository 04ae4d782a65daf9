-- The sign-in log (cn.foi.platform.security.JdbcSignInLog): every checked or refused sign-in, for administrators. An
-- audit of access, not events of the cases; attempts older than foi.sign-in.log-retention (180 days) are deleted.
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
