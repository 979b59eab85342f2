package vn.hoso.events;

import java.util.Map;

/**
 * {@code vn.hoso.document.attached}: a document was added to the case file. It names the stored bytes by their
 * SHA-256 (so that verifying the chain can re-hash the stored object, {@link StoredContent}) and says nothing of
 * their content or file name. {@code stage}: {@code RECEPTION} (with the dossier or at the receive step),
 * {@code PROCESSING}, {@code RESULT} (the result document, at the issue step).
 */
public record DocumentAttached(String caseId, String documentId, String component, String sha256, Long size,
                               String mediaType, String stage, String unitCode, Boolean digitizedFromPaper)
        implements CaseEventData {

    @Override
    public String type() {
        return CaseEventTypes.DOCUMENT_ATTACHED;
    }

    @Override
    public Map<String, Object> toData() {
        return new EventValues(caseId).put("documentId", documentId).put("component", component)
                .put("sha256", sha256).put("size", size).put("mediaType", mediaType).put("stage", stage)
                .put("unitCode", unitCode).put("digitizedFromPaper", digitizedFromPaper).map();
    }

    static DocumentAttached read(DataReader d) {
        return new DocumentAttached(d.text("caseId"), d.text("documentId"), d.text("component"), d.text("sha256"),
                d.longValue("size"), d.text("mediaType"), d.text("stage"), d.text("unitCode"),
                d.bool("digitizedFromPaper"));
    }
}
