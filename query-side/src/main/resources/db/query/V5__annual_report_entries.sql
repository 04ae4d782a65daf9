-- What an agency entered for its annual report (Table 二, the texts) and every version it published.
create table report_entry (
    agency_code   varchar(64) not null,
    year          integer     not null,
    template      varchar(4),
    table2        jsonb,
    overview      text,
    problems      text,
    other_matters text,
    primary key (agency_code, year)
);

create table report_publication (
    agency_code  varchar(64)  not null,
    year         integer      not null,
    version      integer      not null,
    template     varchar(4)   not null,
    content_hash varchar(64)  not null,
    report       jsonb        not null,
    reason       text,
    published_at timestamptz  not null,
    published_by varchar(64),
    primary key (agency_code, year, version)
);
