-- Issue 12: the clock paused while the applicant's financial obligation is awaited (case_file.payment_since), and
-- files returned incomplete at reception (Mẫu 02, vn.hoso.case.returned-incomplete): never received, never counted.
alter table case_file add column payment_since timestamptz;

alter table rollup_case add column not_received_on date;
alter table rollup_rb_case add column not_received_on date;
