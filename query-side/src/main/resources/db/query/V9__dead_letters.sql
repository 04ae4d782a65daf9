-- Events a projection could not apply, parked per request (Axon's JdbcSequencedDeadLetterQueue, column names from
-- QuerySideConfiguration.DEAD_LETTER_SCHEMA). Axon writes its times as ISO-8601 text (setString), so they are varchar
-- as in Axon's own table factory. The cause is a type and a message cleaned of values (ProjectionFailures): the
-- message of a failed insert quotes the applicant's name and ID number.
create table dead_letter_entry (
    dead_letter_id      varchar(255)  not null primary key,
    processing_group    varchar(255)  not null,
    sequence_identifier varchar(255)  not null,
    sequence_index      bigint        not null,
    message_type        varchar(255)  not null,
    event_identifier    varchar(255)  not null,
    time_stamp          varchar(255)  not null,
    payload_type        varchar(255)  not null,
    payload_revision    varchar(255),
    payload             bytea         not null,
    meta_data           bytea,
    aggregate_type      varchar(255),
    aggregate_identifier varchar(255),
    sequence_number     bigint,
    token_type          varchar(255),
    token               bytea,
    enqueued_at         varchar(255)  not null,
    last_touched        varchar(255),
    processing_started  varchar(255),
    cause_type          varchar(255),
    cause_message       varchar(1023),
    diagnostics         bytea,
    constraint dead_letter_entry_sequence_index unique (processing_group, sequence_identifier, sequence_index)
);
create index dead_letter_entry_processing_group on dead_letter_entry (processing_group);

-- What administrators did with parked events: who, when, why. Ids only, never the event's content.
create table dead_letter_audit (
    id                  bigserial     primary key,
    action              varchar(20)   not null,
    processing_group    varchar(255)  not null,
    sequence_identifier varchar(255)  not null,
    dead_letter_id      varchar(255),
    event_identifier    varchar(255),
    event_type          varchar(255),
    reason              text,
    actor               varchar(64)   not null,
    at                  timestamptz   not null default now()
);
