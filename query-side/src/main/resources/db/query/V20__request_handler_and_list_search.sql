-- The handler (承办人) of each request: the list filters by it ("我的").
alter table request_summary add column handler varchar(64);
create index request_summary_agency_handler on request_summary (agency_code, handler);

-- The list sorts by due date (and so by working days left, which follow the due date within a calendar).
create index request_summary_agency_due on request_summary (agency_code, due_date);

-- Search by substring in the applicant's name and the request's content (docs/adr/0023). pg_trgm would serve Latin
-- text, but the databases run with the C locale (one collation everywhere), where pg_trgm takes only ASCII letters and
-- digits as word characters: show_trgm('政府信息公开') is empty, and a trigram index narrows no Chinese search. Instead
-- each text is indexed by its pairs of adjacent characters (bigrams, the way pg_bigm serves CJK) in a plain GIN index
-- over a text array: built in, any locale. A search of two or more characters asks for the rows holding all its
-- bigrams, then checks the substring itself on those rows; a one-character search checks the agency's rows directly.
create function request_search_grams(t text) returns text[]
    language sql immutable strict parallel safe as
$$
select coalesce(array_agg(distinct substr(l, i, 2)), '{}')
from (select lower(t) as l) as lowered, generate_series(1, char_length(l) - 1) as i
$$;

create index request_summary_search on request_summary
    using gin (request_search_grams(applicant_name || E'\n' || coalesce(description, '')));
