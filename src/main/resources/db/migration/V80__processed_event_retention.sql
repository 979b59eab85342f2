-- Retention of the rollup consumer's idempotence table (docs/operations.md, "Retention"): each id keeps the time it
-- was applied, and ProcessedEventRetention deletes those older than hoso.rollup.processed-retention. Rows already
-- there count from this migration.
alter table rollup_processed_event add column processed_at timestamptz not null default now();
create index rollup_processed_event_processed_at on rollup_processed_event (processed_at);
alter table rollup_rb_processed_event add column processed_at timestamptz not null default now();
