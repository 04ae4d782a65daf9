-- The header mapping an agency's last mapped ledger import used (issue 14, point 12; ADR 16): which of our columns the
-- office's own headers mean, applied again to the agency's next files. Configuration of the import, not history of a
-- request, so it is kept here rather than in the event store; saved_by/saved_at say whose choice it is.
create table ledger_mapping (
    agency_code varchar(64)  not null primary key,
    mapping     text         not null, -- JSON object: header → column key, null for a header left alone
    saved_by    varchar(64)  not null,
    saved_at    timestamptz  not null
);
