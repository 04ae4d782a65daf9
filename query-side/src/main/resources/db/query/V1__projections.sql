-- Positions of the tracking processors that feed the projections: kept with the projections, in one transaction.
create table token_entry (
    processor_name varchar(255) not null,
    segment        integer      not null,
    owner          varchar(255),
    timestamp      varchar(255) not null,
    token          bytea,
    token_type     varchar(255),
    primary key (processor_name, segment)
);

create table agency (
    code        varchar(64)  not null primary key,
    name        varchar(200) not null,
    parent_code varchar(64)
);

create table user_account (
    username      varchar(64)  not null primary key,
    password_hash varchar(100) not null,
    role          varchar(20)  not null,
    agency_code   varchar(64)
);

-- One row per request: what the list and the detail show. last_sequence makes every update idempotent.
create table request_summary (
    id                  varchar(64)  not null primary key,
    agency_code         varchar(64)  not null,
    case_no             varchar(100) not null,
    applicant_category  varchar(4)   not null,
    applicant_name      varchar(200) not null,
    applicant_id_type   varchar(50),
    applicant_id_number varchar(100),
    applicant_contact   varchar(200),
    channel             varchar(20)  not null,
    submitted_on        date,
    confirmed_on        date,
    received_on         date         not null,
    description         text,
    item_count          integer      not null default 1,
    requested_form      varchar(20),
    due_date            date,
    due_explanation     text,
    supplement_rounds   integer      not null default 0,
    supplement_open     boolean      not null default false,
    supplement_due_on   date,
    extended            boolean      not null default false,
    later_answer_date   date,
    open_consultations  integer      not null default 0,
    fee_open            boolean      not null default false,
    outcome             varchar(10),
    decided_on          date,
    served_on           date,
    closed_on           date,
    outcome_note        text,
    reconsiderations    integer      not null default 0,
    lawsuits            integer      not null default 0,
    last_sequence       bigint       not null,
    registered_at       timestamptz  not null,
    updated_at          timestamptz  not null,
    status              varchar(24) generated always as (
        case
            when closed_on is not null then 'CLOSED'
            when supplement_open then 'AWAITING_SUPPLEMENT'
            when open_consultations > 0 then 'CONSULTING'
            when fee_open then 'AWAITING_FEE'
            else 'IN_PROGRESS'
        end) stored
);
create index request_summary_agency_received on request_summary (agency_code, received_on desc, case_no);
create index request_summary_agency_case_no on request_summary (agency_code, case_no);
create index request_summary_agency_status on request_summary (agency_code, status);

-- What happened to a request, one row per event: its business date, when it was recorded and by whom.
create table request_timeline (
    request_id    varchar(64)  not null,
    sequence      bigint       not null,
    event_type    varchar(64)  not null,
    title         varchar(100) not null,
    detail        text         not null,
    business_date date,
    recorded_at   timestamptz  not null,
    recorded_by   varchar(64),
    data          jsonb        not null,
    primary key (request_id, sequence)
);
