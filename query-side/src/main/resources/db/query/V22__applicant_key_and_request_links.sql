-- Issue 16 point 4: the applicant's earlier requests and possible repeated requests (重复申请), ADR 0024.

-- The applicant's name as it is compared: NFKC (full-width letters and digits become ASCII, the ideographic space a
-- space), without blanks, ASCII letters in lower case. An expression index, not a generated column: it serves the
-- projection, a replay and the existing rows alike, and it does not stop a later migration (or an operator) from
-- widening applicant_name, which a generated column would refuse. The queries (EarlierRequests) repeat the expression.
create index request_summary_agency_applicant on request_summary
    (agency_code, (lower(regexp_replace(normalize(applicant_name, NFKC), '\s', '', 'g'))), received_on desc);

-- Links between requests live in the timeline (RequestLinkedToEarlier); this finds the later requests that point to
-- an earlier one, for the earlier request's page.
create index request_timeline_linked_earlier on request_timeline ((data ->> 'earlierRequestId'))
    where event_type = 'RequestLinkedToEarlier';
