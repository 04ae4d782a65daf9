-- A deactivated user keeps their account and history but neither signs in nor keeps a session.
alter table user_account add column active boolean not null default true;

-- The sign-in log records a deactivated user's attempts as such.
alter table sign_in_log drop constraint sign_in_log_result_check;
alter table sign_in_log add constraint sign_in_log_result_check
    check (result in ('SUCCESS', 'WRONG_PASSWORD', 'UNKNOWN_USER', 'THROTTLED', 'INACTIVE'));
