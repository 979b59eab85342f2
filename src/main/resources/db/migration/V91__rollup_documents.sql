-- The documents of cases as the rollups see them (module rollup, fed by vn.hoso.document.attached from
-- hoso.case-events; module documents owns the documents themselves): for the digitization figures ("Số hóa hồ sơ").
-- The live copy and the rebuild's, like the other read model tables (V40).
create table rollup_document (
    document_id           uuid        primary key,
    case_id               text        not null,
    component             text,
    stage                 text,
    digitized_from_paper  boolean,
    unit_code             text,
    attached_at           timestamptz
);
create index rollup_document_case_idx on rollup_document (case_id);

create table rollup_rb_document (like rollup_document including all);
