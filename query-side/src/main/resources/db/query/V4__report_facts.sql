-- What the annual report counts beside the requests themselves (request_summary): every reconsideration and lawsuit,
-- and every fee notice with its payment. One row per case or notice, keyed by its place in the request's history.
create table report_appeal (
    request_id            varchar(64) not null,
    kind                  varchar(16) not null check (kind in ('RECONSIDERATION', 'LAWSUIT')),
    number                integer     not null,
    after_reconsideration boolean     not null default false,
    filed_on              date        not null,
    result                varchar(16),
    decided_on            date,
    primary key (request_id, kind, number)
);
create index report_appeal_filed on report_appeal (filed_on);

create table report_fee (
    request_id      varchar(64)   not null,
    notice_sequence bigint        not null,
    notice_on       date          not null,
    amount          numeric(12,2) not null,
    paid_on         date,
    primary key (request_id, notice_sequence)
);

-- The agency's choice of the year an appeal counts in (AppealYearRuleChosen); null until it chooses: FILED_IN_YEAR.
alter table agency add column appeal_year_rule varchar(20);
