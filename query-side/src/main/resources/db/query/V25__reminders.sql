-- Reminders (docs/adr/0027-reminders-and-the-daily-digest.md).

-- The address the daily digest goes to; null: none is sent.
alter table user_account add column email varchar(254);

-- The reminders each user marked read, from the RemindersRead events of their account: a rebuild writes them again.
create table reminder_read (
    username     varchar(64)  not null,
    reminder_key varchar(120) not null,
    read_at      timestamptz  not null,
    primary key (username, reminder_key)
);

-- Who was sent the digest of which office day. Written before the mail goes out, by whichever query side comes first:
-- two query sides on one database send one digest. Not a projection: a rebuild leaves it, so no digest goes twice.
create table reminder_digest_sent (
    username varchar(64) not null,
    day      date        not null,
    sent_at  timestamptz not null,
    primary key (username, day)
);

-- The reminders of a handler: their open requests, read by the handler column alone (a handler moved to another
-- agency keeps the requests they handle in the old one, so the 工作台's index, led by the agency, does not serve it).
create index request_summary_open_by_handler on request_summary (handler) where closed_on is null;
