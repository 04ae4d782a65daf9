-- A fee notice imported from a ledger may have no amount (FeeNoticeIssued revision 2): null means 金额未记录, which
-- the annual report counts apart instead of as 0.
alter table report_fee alter column amount drop not null;
