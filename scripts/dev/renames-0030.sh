#!/usr/bin/env bash
# The mechanical part of ADR 0030 (names): git mv + sed, re-runnable. Running it on a tree that already has the renames
# changes nothing; running it after a merge brings files that arrived with the old names along.
#
# Only Java-only names are renamed here (commands, classes, packages). The three renamed EVENT types also need the
# upcaster and golden samples committed by hand (see ADR 0030); this script renames their uses in Java code too, since
# the hand-written part cannot compile without it.
set -euo pipefail
cd "$(git rev-parse --show-toplevel)"

# Java sources, build and configuration files the renames may appear in (never node_modules or build output). A file
# marked "renames-0030:keep" names the old event types on purpose (the upcaster, the golden samples) and is left alone.
sources() {
    git ls-files -- "$@" | grep -E '\.(java|xml|yml|yaml|properties|imports|factories)$' \
        | xargs -r grep -L -- 'renames-0030:keep' 2>/dev/null || true
}

# Replace a whole word in the given files, only where it occurs (so untouched files keep their timestamps).
replace_word() {
    local old="$1" new="$2"; shift 2
    local files
    files=$(sources "$@" | xargs -r grep -lw -- "$old" 2>/dev/null || true)
    [ -z "$files" ] && return 0
    echo "$files" | xargs -r sed -i -E "s/\\b${old}\\b/${new}/g"
}

# Rename a class file (if still under its old name) and its uses in the given trees.
rename_class() {
    local dir="$1" old="$2" new="$3"; shift 3
    if [ -f "$dir/$old.java" ] && [ ! -f "$dir/$new.java" ]; then
        git mv "$dir/$old.java" "$dir/$new.java"
    fi
    replace_word "$old" "$new" "$@"
}

# Move a package directory (main and test) and rewrite its name everywhere in the given trees.
move_package() {
    local module="$1" old="$2" new="$3"; shift 3
    local oldpath=${old//.//} newpath=${new//.//}
    for set in main test; do
        local from="$module/src/$set/java/$oldpath" to="$module/src/$set/java/$newpath"
        if [ -d "$from" ]; then
            mkdir -p "$to"
            # git mv file by file so a package that partly exists (after a merge) is completed, not nested.
            (cd "$from" && git ls-files) | while read -r file; do
                mkdir -p "$(dirname "$to/$file")"
                git mv "$from/$file" "$to/$file"
            done
            find "$from" -depth -type d -empty -delete 2>/dev/null || true
        fi
    done
    local pattern=${old//./\\.}
    local files
    files=$(sources "$@" | xargs -r grep -lE -- "${pattern}\\b" 2>/dev/null || true)
    [ -n "$files" ] && echo "$files" | xargs -r sed -i -E "s/${pattern}\\b/${new}/g"
    return 0
}

ALL=(shared-events infra command-side query-side)
CMD=command-side/src/main/java/cn/foi/command
EVT=shared-events/src/main/java/cn/foi/events

# 1. Packages: one name per concept on both sides, singular as the command side has them.
move_package query-side cn.foi.query.requests cn.foi.query.request "${ALL[@]}"
move_package query-side cn.foi.query.reports cn.foi.query.report "${ALL[@]}"
move_package query-side cn.foi.query.deadlines cn.foi.query.deadline "${ALL[@]}"
QRY=query-side/src/main/java/cn/foi/query

# 2. Commands read as imperatives, not as events.
rename_class "$CMD/request" RequestSupplement AskForSupplement "${ALL[@]}"

# 3. Helpers named for what they hold.
rename_class "$CMD/request" DateRules InputChecks "${ALL[@]}"
rename_class "$CMD/calendar" PeriodRules AgencyCounting "${ALL[@]}"

# 4. One vocabulary for calendars (ADR 0030): a WorkingDayCalendar is the calendar itself; an agency's calendar is
#    found through AgencyCalendars (each side has its own); what is declared for a year lives in a DeclaredCalendar.
rename_class "$CMD/calendar" CalendarDirectory StoredAgencyCalendars command-side infra
rename_class "$CMD/calendar" Calendars AgencyCalendars command-side infra
rename_class "$QRY/calendar" QueryCalendar AgencyCalendars query-side infra

# 5. The query side's report as the API gives it is a view, not the command side's aggregate.
rename_class "$QRY/report" AnnualReport AnnualReportView query-side infra

# 6. Events: which the clerk records and which the system detects, in the past tense (upcaster: EventTypeRenames).
rename_class "$EVT/request" SupplementLapsed SupplementLapseRecorded "${ALL[@]}"
rename_class "$EVT/request" FeeLapsed FeeLapseRecorded "${ALL[@]}"
rename_class "$EVT/request" RequestOverdue RequestBecameOverdue "${ALL[@]}"

echo "renames-0030: done"
