-- The workflow reads a case's authority from these tables, never from engine variables (docs/reliability.md,
-- "Trust boundary"): which process instance a case runs in, whether it is on its way back to the receiving unit,
-- and what the last step of the open segment decided and how it was done.
alter table case_file add column process_instance_id varchar(64);
alter table case_file add column on_return_leg boolean not null default false;
create unique index case_file_process_instance_idx on case_file (process_instance_id);

alter table case_segment add column last_outcome varchar(20);
alter table case_segment add column last_mode varchar(10);
