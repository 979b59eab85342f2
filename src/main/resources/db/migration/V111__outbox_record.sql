-- The Kafka record value of the event (its CloudEvent as canonical JSON, with hosohash), written by the append that
-- wrote the event: the relay sends it as it is, instead of reading the event back from the log, parsing its data and
-- writing its JSON again. Null for rows queued again by a re-publish and for rows written before this column: the
-- relay builds those from the log. An appended row's created_at is now its event's recorded_at.
alter table case_event_outbox add column record text;
