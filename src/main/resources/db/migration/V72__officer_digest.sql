-- The officers' daily digest (docs/citizens.md): one row per unit and day once its e-mail went out, so that several
-- nodes, restarts and a manual run send it once.
create table officer_digest (
    unit_code   varchar(10)  not null,
    day         date         not null,
    tasks       int          not null,
    recipients  int          not null,
    sent_at     timestamptz  not null default now(),
    primary key (unit_code, day)
);
