package vn.hoso.documents;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.UUID;

import org.springframework.web.multipart.MultipartHttpServletRequest;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import vn.hoso.documents.internal.Documents;
import vn.hoso.identity.CurrentUser;

/** Case documents for other modules, in process: counts, and adding a document as a user (the simulator). */
@Service
public class CaseDocuments {

    private final JdbcTemplate jdbc;
    private final Documents documents;

    CaseDocuments(JdbcTemplate jdbc, Documents documents) {
        this.jdbc = jdbc;
        this.documents = documents;
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

    /**
     * Adds the one document of a multipart request ({@code file}, {@code component}, optional
     * {@code digitizedFromPaper}, nothing else) as {@code user}, streamed, under exactly the rules of
     * {@code POST /api/cases/{caseId}/documents}: the reception counter's uploads.
     */
    public CaseDocument add(UUID caseId, MultipartHttpServletRequest request, CurrentUser user) {
        return documents.addFrom(caseId, request, user);
    }

    /**
     * Adds a document as {@code user} under exactly the rules of {@code POST /api/cases/{caseId}/documents}
     * (who, when, which component, content checks, limits, event).
     */
    public CaseDocument add(UUID caseId, String component, byte[] content, boolean digitizedFromPaper,
                            CurrentUser user) {
        return documents.add(caseId, new Documents.Upload("file", component, () -> new ByteArrayInputStream(content)),
                digitizedFromPaper, user);
    }
}
