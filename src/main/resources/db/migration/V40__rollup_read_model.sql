-- Read model of the rollups for auditors (module vn.hoso.rollup), fed by the consumer of hoso.case-events.
-- Every table exists twice: rollup_* is the live model, rollup_rb_* is where POST /api/rollups/rebuild replays the
-- topic to check the live figures.

-- Idempotence: an event id is inserted here in the same transaction as its effect on the read model.
create table rollup_processed_event (
    event_id uuid primary key
);

-- One row per vn.hoso.segment.closed: the stay of a case at one unit. closed_on is closedAt's date in the business
-- time zone (Asia/Ho_Chi_Minh).
create table rollup_segment (
    event_id               uuid        primary key,
    case_id                text        not null,
    unit_code              text        not null,
    tier                   text        not null,
    kind                   text        not null,
    procedure_code         text,
    opened_at              timestamptz,
    closed_at              timestamptz not null,
    closed_on              date        not null,
    steps                  integer,
    paper_steps            integer,
    processed_online       boolean     not null,
    arrived_electronically boolean
);
create index rollup_segment_unit_idx on rollup_segment (unit_code, closed_on);
create index rollup_segment_case_idx on rollup_segment (case_id);

-- One row per case, merged from received / resolved / supplementation-requested / due-date-changed.
create table rollup_case (
    case_id               text primary key,
    code                  text,
    kind                  text,
    procedure_code        text,
    receiving_unit        text,
    receiving_tier        text,
    channel               text,
    received_at           timestamptz,
    received_on           date,
    due_date              date,
    due_date_seq          bigint,
    resolved_at           timestamptz,
    resolved_on           date,
    outcome               text,
    timeliness            text,
    resolving_unit        text,
    resolving_tier        text,
    supplementation_count integer not null default 0,
    last_seq              bigint
);
create index rollup_case_received_idx on rollup_case (received_on);
create index rollup_case_resolved_idx on rollup_case (resolved_on);
create index rollup_case_unit_idx on rollup_case (receiving_unit);

-- Pre-aggregated counters: a year's rollup is a sum over at most units x days rows.
create table rollup_daily (
    day              date   not null,
    tier             text   not null,
    unit_code        text   not null,
    kind             text   not null,
    segments         bigint not null,
    processed_online bigint not null,
    primary key (day, tier, unit_code, kind)
);
create index rollup_daily_unit_idx on rollup_daily (unit_code, day);

-- Events of types the rollups do not know, counted.
create table rollup_ignored_type (
    type   text   primary key,
    events bigint not null
);

-- Next offset per partition seen by the live consumer, written in the batch's transaction (the rebuild uses it to
-- compare with a consistent snapshot).
create table rollup_offset (
    topic       text    not null,
    partition   integer not null,
    next_offset bigint  not null,
    primary key (topic, partition)
);

create table rollup_rb_processed_event (like rollup_processed_event including all);
create table rollup_rb_segment (like rollup_segment including all);
create table rollup_rb_case (like rollup_case including all);
create table rollup_rb_daily (like rollup_daily including all);
create table rollup_rb_ignored_type (like rollup_ignored_type including all);
