-- Messages to applicants (docs/citizens.md, "Notifications"): one row per case event and channel (the event id makes
-- the queue idempotent whatever Kafka redelivers), sent by a scheduled dispatcher with back-off; after the last
-- attempt a row is DEAD (dead-lettered) and listed for operators. The recipient is read from citizen_contact when
-- sending; the rows hold no address.
create table citizen_message (
    id               bigserial     primary key,
    event_id         uuid          not null,
    channel          varchar(10)   not null,
    case_id          uuid          not null references case_file (case_id),
    case_code        varchar(40)   not null,
    kind             varchar(30)   not null,
    subject          varchar(300)  not null,
    body             text          not null,
    status           varchar(10)   not null default 'PENDING' check (status in ('PENDING', 'SENT', 'DEAD')),
    attempts         int           not null default 0,
    next_attempt_at  timestamptz   not null default now(),
    last_error       varchar(1000),
    created_at       timestamptz   not null default now(),
    sent_at          timestamptz,
    unique (event_id, channel)
);
create index citizen_message_due_idx on citizen_message (next_attempt_at) where status = 'PENDING';
create index citizen_message_case_idx on citizen_message (case_id);
