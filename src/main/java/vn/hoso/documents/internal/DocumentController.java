package vn.hoso.documents.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import vn.hoso.documents.CaseDocument;
import vn.hoso.identity.CurrentUser;
import vn.hoso.platform.InvalidRequest;
import vn.hoso.platform.NotFound;

/** The Documents API (contract, "Documents"): upload at a step, list, content. */
@RestController
class DocumentController {

    /** What an upload answers (201). */
    record Added(UUID documentId, String sha256, long size, String mediaType, String component, int version,
                 String stage) {
        static Added of(CaseDocument d) {
            return new Added(d.documentId(), d.sha256(), d.size(), d.mediaType(), d.component(), d.version(),
                    d.stage());
        }
    }

    private final Documents documents;

    DocumentController(Documents documents) {
        this.documents = documents;
    }

    @PostMapping(path = "/api/cases/{caseId}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Added> upload(@PathVariable String caseId, MultipartHttpServletRequest request) {
        UUID id = uuid(caseId, "caseId");
        CaseDocument added = documents.addFrom(id, request, CurrentUser.fromSecurityContext());
        return ResponseEntity.created(URI.create("/api/cases/" + id + "/documents/" + added.documentId()))
                .body(Added.of(added));
    }

    @GetMapping("/api/cases/{caseId}/documents")
    List<CaseDocument> list(@PathVariable String caseId) {
        return documents.list(uuid(caseId, "caseId"), CurrentUser.fromSecurityContext());
    }

    /**
     * The bytes as stored, streamed. PDF and images open in the browser ({@code inline}); XML is downloaded
     * ({@code attachment}, sandboxed) so that no uploaded markup runs in the app's origin.
     */
    @GetMapping("/api/cases/{caseId}/documents/{documentId}/content")
    ResponseEntity<Resource> content(@PathVariable String caseId, @PathVariable String documentId,
                                     @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false)
                                     String ifNoneMatch) throws IOException {
        return content(caseId, documentId, ifNoneMatch, CurrentUser.fromSecurityContext());
    }

    /** The content for {@code user} (the API's caller, or the Tasklist session's user). */
    ResponseEntity<Resource> content(String caseId, String documentId, String ifNoneMatch, CurrentUser user)
            throws IOException {
        UUID caseUuid = uuid(caseId, "caseId");
        UUID documentUuid;
        try {
            documentUuid = UUID.fromString(documentId);
        } catch (IllegalArgumentException e) {
            throw new NotFound("Unknown document", "Case " + caseId + " has no document " + documentId + ".");
        }
        Documents.Content content = documents.content(caseUuid, documentUuid, user);
        CaseDocument d = content.document();
        String etag = "\"" + d.sha256() + "\"";
        HttpHeaders headers = new HttpHeaders();
        headers.setETag(etag);
        headers.setCacheControl(CacheControl.noCache().cachePrivate());
        headers.set("X-Content-Type-Options", "nosniff");
        if (ifNoneMatch != null && (ifNoneMatch.contains(etag) || ifNoneMatch.trim().equals("*"))) {
            content.bytes().close();
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).headers(headers).build();
        }
        boolean inline = !ContentInspector.XML.equals(d.mediaType());
        String name = content.caseCode() + "-" + d.component() + "-v" + d.version() + "." + EXTENSIONS.get(
                d.mediaType());
        headers.setContentDisposition((inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(name, StandardCharsets.UTF_8).build());
        if (!inline) {
            headers.set("Content-Security-Policy", "sandbox");
        }
        headers.setContentType(MediaType.parseMediaType(d.mediaType()));
        headers.setContentLength(d.size());
        // checked as it streams: changed bytes fail the download at their end (the verification names them)
        InputStream bytes = new VerifyingInputStream(content.bytes(), d.sha256(), d.size(),
                d.documentId().toString());
        return ResponseEntity.ok().headers(headers).body(new InputStreamResource(bytes) {
            @Override
            public long contentLength() {
                return d.size();
            }
        });
    }

    private static final Map<String, String> EXTENSIONS = Map.of(ContentInspector.PDF, "pdf",
            ContentInspector.JPEG, "jpg", ContentInspector.PNG, "png", ContentInspector.XML, "xml");

    static UUID uuid(String value, String field) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest(null, "A " + field + " is a UUID.");
        }
    }
}
