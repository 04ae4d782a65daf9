-- Issue 14 points 8-9: what the remedy time limits and the fee flags are computed from (RemedyTimeLimits, FeeFlags).
-- The flags themselves are not stored: they are computed when read, from facts that a replay sets the same way, so the
-- request page and the report annex always agree.

-- Whether the request was closed by the applicant's withdrawal (RequestWithdrawn), as against another 其他处理.
alter table request_summary add column withdrawn boolean not null default false;

-- The answer an appeal was brought against, as it stood when the appeal was filed; for a suit after reconsideration,
-- the day that reconsideration was decided.
alter table report_appeal add column answer_outcome varchar(10);
alter table report_appeal add column answer_decided_on date;
alter table report_appeal add column answer_served_on date;
alter table report_appeal add column answer_withdrawn boolean;
alter table report_appeal add column reconsideration_decided_on date;

-- The fee the clerk was quoted (FeeNoticeIssued revision 3) and why the notice's amount differs (减免).
alter table report_fee add column quoted_amount numeric(12,2);
alter table report_fee add column reduction_reason varchar(2000);

-- Appeals projected before this migration: take the answer as it stands now (the command side refuses a correction that
-- would move the answer after an appeal). A rebuild sets them from the history.
update request_summary set withdrawn = true
 where outcome = 'R3_6_3' and id in (select request_id from request_timeline where event_type = 'RequestWithdrawn');
update report_appeal a
   set answer_outcome = s.outcome, answer_decided_on = s.decided_on, answer_served_on = s.served_on,
       answer_withdrawn = s.withdrawn
  from request_summary s
 where s.id = a.request_id;
update report_appeal l
   set reconsideration_decided_on = (select max(r.decided_on) from report_appeal r
                                      where r.request_id = l.request_id and r.kind = 'RECONSIDERATION')
 where l.kind = 'LAWSUIT' and l.after_reconsideration;
