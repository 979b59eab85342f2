-- The documents of case files (module documents). The bytes live in the object store, content-addressed by their
-- SHA-256; these rows say which case holds them, as which component, at which stage, added by whom. Rows are never
-- changed or deleted (a correction is a new version of the component): the trigger refuses it.
create table case_document (
    document_id           uuid         primary key,
    case_id               uuid         not null references case_file (case_id),
    component             varchar(30)  not null,
    version               int          not null,
    sha256                char(64)     not null check (sha256 ~ '^[0-9a-f]{64}$'),
    size                  bigint       not null check (size > 0),
    media_type            varchar(60)  not null,
    stage                 varchar(12)  not null check (stage in ('RECEPTION', 'PROCESSING', 'RESULT')),
    digitized_from_paper  boolean      not null default false,
    added_at              timestamptz  not null,
    added_by              varchar(100) not null,
    added_by_unit         varchar(10)  not null,
    unique (case_id, component, version)
);
create index case_document_case_idx on case_document (case_id, added_at);
create index case_document_sha256_idx on case_document (sha256);

create function case_document_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'case_document rows are never changed or deleted (a correction is a new version)';
end;
$$;
create trigger case_document_append_only before update or delete on case_document
    for each row execute function case_document_append_only();
