-- request_summary_open_agency (V2: agency_code, where closed_on is null) is a prefix of request_summary_open_handler
-- (V24: agency_code, handler, due_date, received_on, id, with the same predicate). Every query that read the shorter
-- one (the deadline board, the menu's counts: an agency's or a subtree's open requests) reads the longer one by the
-- same leading column, with the same bitmap scan and the same rows: EXPLAIN ANALYZE on 100,000 requests of 100
-- agencies, warm, showed the same times within the noise (one agency's board 0.7 ms either way). One index less to
-- write on every change of an open request.
drop index if exists request_summary_open_agency;
