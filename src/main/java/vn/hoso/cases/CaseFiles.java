package vn.hoso.cases;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import vn.hoso.identity.CurrentUser;
import vn.hoso.platform.Forbidden;
import vn.hoso.platform.NotFound;

/**
 * Read access to case files. Auditors and administrators read every case (auditors without the applicant's
 * personal data); officers and leaders read the cases that have been at one of their units.
 */
@Service
public class CaseFiles {

    private final CaseStore store;

    CaseFiles(CaseStore store) {
        this.store = store;
    }

    public Optional<CaseFile> find(UUID caseId) {
        return store.find(caseId);
    }

    public CaseFile readable(UUID caseId, CurrentUser user) {
        CaseFile file = store.find(caseId).orElseThrow(() -> new NotFound(null, "No case " + caseId + "."));
        if (user.isAdmin()) {
            return file;
        }
        boolean visited = file.receivingUnit() != null && user.unitCodes().contains(file.receivingUnit())
                || file.segments().stream().anyMatch(s -> user.unitCodes().contains(s.unitCode()));
        if (visited) {
            return file;
        }
        if (user.isAuditor()) {
            return file.withoutApplicant();
        }
        throw new Forbidden(null, "Case " + caseId + " has not been at any of your units.");
    }
}
