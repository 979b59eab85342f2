-- Issue 16, goal 4: the rollup consumer recognises an event it has applied by the case's position, not by the event's
-- id. The relay sends each case's events in hososeq order on one partition (docs/events.md), so an event whose hososeq
-- is not above the highest one applied for its case has been applied (or passed over: docs/rollups.md). One row per
-- case instead of one per event. rollup_processed_event stays for records without a hososeq.
--
-- before_seq: applied_seq as it was before the last batch that wrote the row. The batch's upsert returns it, so that
-- the batch learns the case's position and moves it in one statement (a concurrent batch of the same case, possible
-- only during a rebalance, waits for the row and then sees the other's position).
create table rollup_case_position (
    case_id     varchar(100) primary key,
    applied_seq bigint       not null,
    before_seq  bigint       not null default 0,
    applied_at  timestamptz  not null default now()
);
create index rollup_case_position_applied_at on rollup_case_position (applied_at);
create table rollup_rb_case_position (like rollup_case_position including all);

-- Where the consumer already is: the cases of the event ids it kept. (Events older than those ids are recognised by
-- their recorded-at header, as before.)
insert into rollup_case_position (case_id, applied_seq)
select e.case_id, max(e.seq)
  from case_event e join rollup_processed_event p on p.event_id = e.id
 group by e.case_id;
