-- How each agency counts its periods; the defaults are the law's usual reading (domain §1.3, §1.5).
alter table agency_directory add column count_from_receipt_day boolean not null default false;
alter table agency_directory add column fee_pauses_clock boolean not null default true;
