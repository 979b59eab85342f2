-- The case event log (see docs/events.md): an append-only, hash-chained log per case, written in the transaction of
-- the engine step that causes the event, and a transactional outbox that a relay empties towards Kafka.

-- Head of each case's chain. Appends lock this row (upsert), which serialises the appends of one case and hands
-- out hososeq 1, 2, 3 ... without gaps. first_time is the business time of the case's first event (audit ranges).
create table case_event_stream (
    case_id    varchar(100) primary key,
    last_seq   bigint       not null check (last_seq > 0),
    last_hash  char(64)     not null,
    first_time timestamptz  not null,
    updated_at timestamptz  not null default clock_timestamp()
);

create index case_event_stream_first_time on case_event_stream (first_time);

-- The events. Never updated, never deleted (triggers below). "time" is the exact text that was hashed;
-- event_time is the same instant as a timestamptz for queries.
create table case_event (
    case_id     varchar(100) not null,
    seq         bigint       not null check (seq > 0),
    id          uuid         not null unique,
    type        varchar(200) not null,
    source      varchar(200) not null,
    time        varchar(40)  not null,
    event_time  timestamptz  not null,
    data        jsonb        not null,
    prev_hash   char(64)     not null,
    hash        char(64)     not null,
    recorded_at timestamptz  not null default clock_timestamp(),
    primary key (case_id, seq)
);

create index case_event_source on case_event (source);

create function case_event_refuse_change() returns trigger
    language plpgsql as
$$
begin
    raise exception 'case_event is append-only: % refused', tg_op
        using errcode = 'triggered_data_change_violation',
              hint = 'Events are never changed; append a new event instead.';
end
$$;

create trigger case_event_append_only
    before update or delete on case_event
    for each row execute function case_event_refuse_change();

create trigger case_event_no_truncate
    before truncate on case_event
    for each statement execute function case_event_refuse_change();

-- Outbox: one row per event not yet acknowledged by Kafka, inserted in the event's transaction, deleted by the
-- relay after the broker acknowledged. Event rows themselves never carry "sent" state.
create table case_event_outbox (
    case_id    varchar(100) not null,
    seq        bigint       not null,
    created_at timestamptz  not null default clock_timestamp(),
    primary key (case_id, seq)
);

create index case_event_outbox_created_at on case_event_outbox (created_at);

-- Relay position per case: the last hososeq acknowledged by Kafka. A relay claims whole cases by locking these rows
-- FOR UPDATE SKIP LOCKED, so no two relays ever send events of the same case at the same time. Appends never lock
-- these rows (only the first event of a case inserts one), so a slow or unreachable broker never blocks appends.
create table case_event_relay (
    case_id  varchar(100) primary key,
    sent_seq bigint       not null default 0,
    sent_at  timestamptz
);
