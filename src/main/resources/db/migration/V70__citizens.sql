-- Citizens (module vn.hoso.citizens, docs/citizens.md). The applicant's contact is personal data: it lives here and
-- nowhere else (never in events, process variables or Camunda's history).
create table citizen_contact (
    case_id  uuid         primary key references case_file (case_id),
    email    varchar(254),
    phone    varchar(16),   -- E.164, e.g. +84912345678
    check (email is not null or phone is not null)
);

-- The public lookup of a procedure dossier by its code: the PIN is random, shown once at intake (and on the
-- receipt printed then), stored only as a bcrypt hash.
create table citizen_lookup (
    case_id    uuid         primary key references case_file (case_id),
    code       varchar(40)  not null unique,
    pin_hash   varchar(80)  not null,
    issued_at  timestamptz  not null
);
