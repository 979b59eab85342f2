-- Issue 12: a case that had a Mẫu 04 apology is late in every count (the apology's new date never makes it "within
-- time"); a file refused at reception (Mẫu 03, vn.hoso.case.refused) is not a received dossier and is reported in
-- its own column.
alter table rollup_case add column apologised boolean not null default false;
alter table rollup_case add column refused_at timestamptz;
alter table rollup_case add column refused_on date;
create index rollup_case_refused_idx on rollup_case (refused_on);

alter table rollup_rb_case add column apologised boolean not null default false;
alter table rollup_rb_case add column refused_at timestamptz;
alter table rollup_rb_case add column refused_on date;
