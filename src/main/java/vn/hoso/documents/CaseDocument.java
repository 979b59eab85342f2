package vn.hoso.documents;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One document of a case file as the API lists it (no file name: the product never keeps one).
 *
 * @param version            1 for the first document of its component in the case, 2 for the next (a correction
 *                           or a further file), …
 * @param addedBy            the unit whose officer added it
 * @param stage              {@code RECEPTION}, {@code PROCESSING} or {@code RESULT}
 */
public record CaseDocument(UUID documentId, UUID caseId, String component, int version, String mediaType, long size,
                           String sha256, OffsetDateTime addedAt, String addedBy, boolean digitizedFromPaper,
                           String stage) {
}
