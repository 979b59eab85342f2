package vn.hoso.documents;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.jdbc.core.JdbcTemplate;

/** In-process reads of case documents for other modules (no access check: they are not users). */
@Service
public class CaseDocuments {

    private final JdbcTemplate jdbc;

    CaseDocuments(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** How many documents the case has. */
    public int count(UUID caseId) {
        Integer n = jdbc.queryForObject("select count(*) from case_document where case_id = ?", Integer.class, caseId);
        return n == null ? 0 : n;
    }

    /** The component codes the case has documents of. */
    public List<String> components(UUID caseId) {
        return jdbc.queryForList("select distinct component from case_document where case_id = ? order by 1",
                String.class, caseId);
    }
}
