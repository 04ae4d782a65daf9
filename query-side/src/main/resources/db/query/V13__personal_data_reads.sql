-- Every read of a request's full personal data (the applicant's ID number and contact) by a user outside the request's
-- own agency: who, when, which request, from which address (个人信息保护法 第五十一条, ADR 0013). Not a projection: it is
-- written by the read itself, so no replay truncates it; rows are only ever added.
create table personal_data_read (
    id                  bigserial     primary key,
    read_at             timestamptz   not null,
    username            varchar(64)   not null,
    user_role           varchar(20)   not null,
    user_agency_code    varchar(64),
    request_id          varchar(64)   not null,
    request_agency_code varchar(64)   not null,
    case_no             varchar(100)  not null,
    remote_address      varchar(100)
);
create index personal_data_read_at on personal_data_read (read_at desc, id desc);
create index personal_data_read_request on personal_data_read (request_id);
