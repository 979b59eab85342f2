-- Working-day calendar (module vn.hoso.calendar). Deadlines count working days: Monday to Friday, except the
-- HOLIDAY rows below, plus the WORKING_DAY rows (make-up Saturdays, "ngày làm bù").
-- Operators change these rows with SQL and then call POST /api/calendar/reload (or restart); see docs/calendar.md.

-- The years the calendar has data for. Outside them WorkingCalendar refuses to answer (it never guesses).
-- The covered years must be consecutive.
create table calendar_year (
    year        integer primary key check (year between 2000 and 2999),
    provisional boolean not null default false,   -- true: derived from the statutory rule, not yet announced
    source      text    not null check (btrim(source) <> '')
);

-- Exceptions to the Monday-to-Friday week. A HOLIDAY may fall on a weekend (e.g. 1/1 on a Sunday; it is listed
-- so that its compensatory day off "nghỉ bù" is explained); a WORKING_DAY override is always a Saturday or Sunday.
create table calendar_exception (
    day         date        primary key,
    year        integer     generated always as (extract(year from day)::integer) stored
                            references calendar_year (year),
    kind        varchar(11) not null check (kind in ('HOLIDAY', 'WORKING_DAY')),
    name        text        not null check (btrim(name) <> ''),
    provisional boolean     not null default false,
    check (kind = 'HOLIDAY' or extract(isodow from day) in (6, 7))
);
