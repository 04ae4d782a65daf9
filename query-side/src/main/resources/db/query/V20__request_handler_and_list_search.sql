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

--
-- The bigrams live in a table of their own, written by triggers only when the applicant's name or the content changes
-- (that is, once per request). An expression index on request_summary itself would be rewritten by every event of
-- the request: each step updates the row and moves it out of HOT reach (the due date is indexed), so the replay would
-- compute and insert some hundred GIN keys per event.
create table request_search (
    request_id varchar(64) not null primary key,
    grams      text[]      not null
);
create index request_search_by_grams on request_search using gin (grams);

-- The trigger names no column (neither "update of" nor "when"): PostgreSQL would then refuse to widen applicant_name or
-- description, which is how an operator lets a parked event through (ADR 11). The function compares instead.
create function request_search_keep() returns trigger
    language plpgsql as
$$
begin
    if tg_op = 'UPDATE' and old.applicant_name is not distinct from new.applicant_name
            and old.description is not distinct from new.description then
        return null;
    end if;
    insert into request_search (request_id, grams)
    values (new.id, request_search_grams(new.applicant_name || E'\n' || coalesce(new.description, '')))
    on conflict (request_id) do update set grams = excluded.grams;
    return null;
end
$$;

create function request_search_clear() returns trigger
    language plpgsql as
$$
begin
    truncate request_search;
    return null;
end
$$;

create trigger request_search_on_insert after insert on request_summary
    for each row execute function request_search_keep();
create trigger request_search_on_update after update on request_summary
    for each row execute function request_search_keep();
-- A rebuild truncates request_summary; its bigrams go with it.
create trigger request_search_on_truncate after truncate on request_summary
    for each statement execute function request_search_clear();
