/**
 * The documents of case files: upload (with the dossier at intake or at a step), list and download through
 * {@code /api/cases/{caseId}/documents}, checked by content (PDF, JPEG, PNG, signed XML) and size, stored by their
 * SHA-256 in an S3 API object store, recorded in the case's hash chain ({@code vn.hoso.document.attached}) and
 * re-hashed when the chain is verified. Readable by the officers and leaders of the units the case has been at, and
 * by nobody else. Public surface: {@link vn.hoso.documents.S3Connection} (where the object store is) and
 * {@link vn.hoso.documents.CaseDocuments} (in-process reads and attachments). See docs/documents.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Case documents",
        allowedDependencies = {"platform", "identity", "units", "procedures", "events", "cases"})
package vn.hoso.documents;
