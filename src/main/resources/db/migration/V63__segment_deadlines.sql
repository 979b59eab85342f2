-- Issue 12: per-unit deadlines and verdicts (Mẫu 05, the hand-off control sheet; matched to rollup_segment by case and
-- segment_no): each segment on the route has its
-- share of the statutory time; it is judged early / on time / late when it closes (vn.hoso.segment.judged). The
-- tracking book (Mẫu 06) lists them per unit.
alter table case_segment add column due_date date;

alter table rollup_segment add column segment_no integer;
alter table rollup_segment add column due_date date;
alter table rollup_segment add column verdict text;
alter table rollup_rb_segment add column segment_no integer;
alter table rollup_rb_segment add column due_date date;
alter table rollup_rb_segment add column verdict text;
