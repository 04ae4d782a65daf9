-- A ledger import's events, checked and waiting to be appended to the event store (ADR 10). They are written in the
-- import's transaction together with the case numbers and deadlines the import claims; moving them into
-- domain_event_entry happens afterwards in short transactions, and after a crash at the next start.
create table staged_event (
    import_id            varchar(64)  not null,
    ordinal              integer      not null,
    event_identifier     varchar(255) not null,
    aggregate_identifier varchar(255) not null,
    sequence_number      bigint       not null,
    type                 varchar(255),
    payload_type         varchar(255) not null,
    payload_revision     varchar(255),
    payload              bytea        not null,
    meta_data            bytea,
    primary key (import_id, ordinal)
);
