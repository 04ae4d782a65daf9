-- The password was generated or reset by an administrator: the user must change it at the next sign-in.
alter table user_account add column must_change_password boolean not null default false;
