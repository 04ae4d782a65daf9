-- Service (送达) and voiding (作废) of notices, kept beside the documents by the subscribing directory processor in the
-- transaction of NoticeServed / NoticeVoided: the notice list reads them with the documents. A voided notice keeps its
-- row and its number (the series counter never goes back). serves_number: the notice a 送达回证 accompanies.
alter table notice_document
    add column serves_number     varchar(500),
    add column served_on         date,
    add column service_method    varchar(32),
    add column service_recipient varchar(200),
    add column voided_on         date,
    add column void_reason       text;
