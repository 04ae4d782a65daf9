-- Issue 16 point 4: the applicant's earlier requests and possible repeated requests (重复申请), ADR 0024.

-- The applicant's name as it is compared: NFKC (full-width letters and digits become ASCII, the ideographic space a
-- space), without blanks, ASCII letters in lower case. A generated column: the one definition serves the projection,
-- a replay and the migration of existing rows alike, and the queries compare a typed name with the same expression.
alter table request_summary add column applicant_key text
    generated always as (lower(regexp_replace(normalize(applicant_name, NFKC), '\s', '', 'g'))) stored;
create index request_summary_agency_applicant on request_summary (agency_code, applicant_key, received_on desc);

-- Links between requests live in the timeline (RequestLinkedToEarlier); this finds the later requests that point to
-- an earlier one, for the earlier request's page.
create index request_timeline_linked_earlier on request_timeline ((data ->> 'earlierRequestId'))
    where event_type = 'RequestLinkedToEarlier';
