-- How far each projection has got in terms of the command side's global index, per partition of the event topic:
-- the highest "published through" watermark of the events it has applied there. Written in the transaction that
-- stores the processor's token, so it never claims more than the projection holds. Reads given ?after= wait on it.
create table projected_position (
    processor_name   varchar(255) not null,
    partition_no     integer      not null,
    published_through bigint      not null,
    primary key (processor_name, partition_no)
);
