-- Monthly counters (issue 16): the same figures as rollup_daily summed per calendar month (month = its first day), written
-- by the consumer in the same statement as rollup_daily. A query takes whole months from here and only the partial
-- months at a period's ends (or months with a unit-version boundary inside) from rollup_daily, so a year is about
-- 12 x units rows whatever the number of events.
create table rollup_monthly (
    month            date   not null check (extract(day from month) = 1),
    tier             text   not null,
    unit_code        text   not null,
    kind             text   not null,
    segments         bigint not null,
    processed_online bigint not null,
    primary key (month, tier, unit_code, kind)
);

create table rollup_rb_monthly (like rollup_monthly including all);

insert into rollup_monthly (month, tier, unit_code, kind, segments, processed_online)
select date_trunc('month', day)::date, tier, unit_code, kind, sum(segments), sum(processed_online)
  from rollup_daily group by 1, 2, 3, 4;

insert into rollup_rb_monthly (month, tier, unit_code, kind, segments, processed_online)
select date_trunc('month', day)::date, tier, unit_code, kind, sum(segments), sum(processed_online)
  from rollup_rb_daily group by 1, 2, 3, 4;
