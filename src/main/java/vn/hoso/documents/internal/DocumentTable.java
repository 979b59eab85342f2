package vn.hoso.documents.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import vn.hoso.documents.CaseDocument;

/** The documents' metadata in PostgreSQL ({@code case_document}, append-only). */
@Repository
class DocumentTable {

    private static final String COLUMNS = "document_id, case_id, component, version, media_type, size, sha256, "
            + "added_at, added_by_unit, digitized_from_paper, stage";

    private final JdbcTemplate jdbc;
    private final ZoneId zone;

    DocumentTable(JdbcTemplate jdbc, ZoneId businessZone) {
        this.jdbc = jdbc;
        this.zone = businessZone;
    }

    /** Serialises the uploads of one case until the transaction ends (size limit per case, versions). */
    void lockCase(UUID caseId) {
        jdbc.query("select pg_advisory_xact_lock(hashtextextended(?, 13))", rs -> null, caseId.toString());
    }

    long totalSize(UUID caseId) {
        Long total = jdbc.queryForObject("select coalesce(sum(size), 0) from case_document where case_id = ?",
                Long.class, caseId);
        return total == null ? 0 : total;
    }

    int nextVersion(UUID caseId, String component) {
        Integer last = jdbc.queryForObject(
                "select coalesce(max(version), 0) from case_document where case_id = ? and component = ?",
                Integer.class, caseId, component);
        return (last == null ? 0 : last) + 1;
    }

    void insert(CaseDocument d, String addedByUser) {
        jdbc.update("""
                insert into case_document (document_id, case_id, component, version, sha256, size, media_type, stage,
                    digitized_from_paper, added_at, added_by, added_by_unit)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                d.documentId(), d.caseId(), d.component(), d.version(), d.sha256(), d.size(), d.mediaType(),
                d.stage(), d.digitizedFromPaper(), d.addedAt(), addedByUser, d.addedBy());
    }

    List<CaseDocument> of(UUID caseId) {
        return jdbc.query("select " + COLUMNS + " from case_document where case_id = ? order by added_at, "
                + "component, version", this::row, caseId);
    }

    Optional<CaseDocument> find(UUID caseId, UUID documentId) {
        return jdbc.query("select " + COLUMNS + " from case_document where case_id = ? and document_id = ?",
                this::row, caseId, documentId).stream().findFirst();
    }

    private CaseDocument row(ResultSet rs, int i) throws SQLException {
        return new CaseDocument(rs.getObject("document_id", UUID.class), rs.getObject("case_id", UUID.class),
                rs.getString("component"), rs.getInt("version"), rs.getString("media_type"), rs.getLong("size"),
                rs.getString("sha256"), rs.getTimestamp("added_at").toInstant().atZone(zone).toOffsetDateTime(),
                rs.getString("added_by_unit"), rs.getBoolean("digitized_from_paper"), rs.getString("stage"));
    }

}
