-- Overdue and due soon now leave out a request whose clock stands still (补正, 征求意见, 缴费: RequestQueries'
-- CLOCK_STANDS_STILL), as the deadline board always did. The 工作台's counts read those three columns too; carried in
-- its index (V24), the counts stay an index-only scan instead of reading the wide rows.
drop index request_summary_workbench;
create index request_summary_workbench on request_summary (agency_code)
    include (closed_on, received_on, due_date, handler, status, supplement_open, open_consultations, fee_open);
