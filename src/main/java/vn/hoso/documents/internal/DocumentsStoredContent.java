package vn.hoso.documents.internal;

import java.util.Optional;

import org.springframework.stereotype.Component;
import vn.hoso.events.StoredContent;

/** What verifying a case's chain re-hashes: the documents' objects in the store. */
@Component
class DocumentsStoredContent implements StoredContent {

    private final DocumentStore store;

    DocumentsStoredContent(DocumentStore store) {
        this.store = store;
    }

    @Override
    public Optional<String> rehash(String sha256) {
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            return Optional.empty();
        }
        return store.rehash(sha256);
    }
}
