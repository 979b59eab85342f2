-- Temporal unit registry: official codes are reused, so a unit version is keyed by (code, valid_from).
create table unit (
    code        varchar(10) not null,
    valid_from  date        not null,
    valid_to    date,                                   -- last day in force, inclusive; null = in force
    name        text        not null,
    type        text        not null,
    tier        varchar(10) not null check (tier in ('PROVINCE', 'DISTRICT', 'COMMUNE')),
    parent_code varchar(10),
    primary key (code, valid_from),
    check (valid_to is null or valid_to >= valid_from)
);
create index unit_parent_idx on unit (parent_code);

create table unit_succession (
    old_code       varchar(10) not null,
    old_valid_from date        not null,
    new_code       varchar(10) not null,
    new_valid_from date        not null,
    kind           varchar(7)  not null check (kind in ('FULL', 'PARTIAL')),
    primary key (old_code, old_valid_from, new_code, new_valid_from),
    foreign key (old_code, old_valid_from) references unit (code, valid_from),
    foreign key (new_code, new_valid_from) references unit (code, valid_from)
);
create index unit_succession_new_idx on unit_succession (new_code, new_valid_from);

-- Which tiers exist in which period (the district tier was abolished on 2025-07-01).
create table tier_period (
    tier       varchar(10) not null check (tier in ('PROVINCE', 'DISTRICT', 'COMMUNE')),
    valid_from date        not null,
    valid_to   date,
    primary key (tier, valid_from)
);

-- Online-processing targets per tier with their validity; operators change these rows, not the code.
create table online_target (
    tier       varchar(10)  not null check (tier in ('PROVINCE', 'DISTRICT', 'COMMUNE')),
    valid_from date         not null,
    valid_to   date,
    target     numeric(5,4) not null check (target between 0 and 1),
    programme  text         not null,
    primary key (tier, valid_from),
    check (valid_to is null or valid_to >= valid_from)
);
