-- The agency's period settings, so that the pages show what an agency has chosen (not the defaults).
alter table agency add column count_from_receipt_day boolean not null default false;
alter table agency add column fee_pauses_clock boolean not null default true;

-- Settings chosen before these columns existed are in the event topic: the directory projection (idempotent) reads it
-- again from its beginning, which fills them in.
delete from token_entry where processor_name = 'directory';
