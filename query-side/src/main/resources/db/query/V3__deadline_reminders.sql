-- What the system found when a watched deadline passed: shown to the clerk until the request moves on.
alter table request_summary
    add column overdue_due_date           date,
    add column supplement_deadline_passed boolean not null default false,
    add column fee_pay_by_passed          date;
