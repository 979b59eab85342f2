-- Case files and their stays at units (segments). Personal data of the applicant stays here, never in events.
create table case_file (
    case_id                  uuid         primary key,
    code                     varchar(40)  not null unique,
    kind                     varchar(10)  not null check (kind in ('PROCEDURE', 'WORK')),
    procedure_code           varchar(40)  not null,
    subject                  varchar(500) not null,
    applicant_name           varchar(200),
    applicant_id_number      varchar(12),
    channel                  varchar(10)  not null check (channel in ('ONLINE', 'IN_PERSON', 'POST')),
    receiving_unit           varchar(10)  not null,
    receiving_tier           varchar(10)  not null,
    received_at              timestamptz  not null,
    due_date                 date         not null,
    route                    text         not null,  -- TIER:unit:days,… as planned at intake
    segment_index            int          not null default 0,
    status                   varchar(30)  not null,
    current_unit             varchar(10),
    current_tier             varchar(10),
    outcome                  varchar(10),
    timeliness               varchar(10),
    resolved_at              timestamptz,
    supplementation_count    int          not null default 0,
    supplementation_since    timestamptz,
    apology_issued           boolean      not null default false,
    next_arrival_electronic  boolean      not null default true,
    created_by               varchar(100) not null
);
create index case_file_receiving_idx on case_file (receiving_unit, received_at);

create table case_segment (
    case_id                 uuid        not null references case_file (case_id),
    segment_no              int         not null,
    unit_code               varchar(10) not null,
    tier                    varchar(10) not null,
    opened_at               timestamptz not null,
    closed_at               timestamptz,
    steps                   int         not null default 0,
    paper_steps             int         not null default 0,
    arrived_electronically  boolean     not null,
    result                  varchar(12),
    primary key (case_id, segment_no)
);
create index case_segment_unit_idx on case_segment (unit_code);

-- Case codes {unit}-{yyMMdd}-{nnnn}: one counter per unit and receiving day.
create table case_code_counter (
    unit_code varchar(10) not null,
    day       date        not null,
    last      int         not null,
    primary key (unit_code, day)
);
