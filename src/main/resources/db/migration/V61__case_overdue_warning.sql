-- Issue 12: the case was warned one working day before its appointment date (vn.hoso.case.overdue-warning); tasks
-- created afterwards carry the Tasklist marker too.
alter table case_file add column overdue_warned boolean not null default false;
