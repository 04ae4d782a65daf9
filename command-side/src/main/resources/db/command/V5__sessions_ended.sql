-- When a user last signed out of the web UI: sessions issued until then are over.
alter table user_account add column sessions_ended_at timestamptz;
