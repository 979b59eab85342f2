package vn.hoso.events;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/** Verifies the chains of every case whose first event falls in a period (business dates, inclusive). */
@Component
class ChainAudit {

    private static final int CHUNK = 500;

    record InvalidCase(String caseId, Long firstBadSeq, String reason, List<String> changedDocuments) {
    }

    record Report(LocalDate from, LocalDate to, long cases, long events, long validCases,
                  List<InvalidCase> invalidCases) {
    }

    private final CaseEventLog log;
    private final ZoneId zone;

    ChainAudit(CaseEventLog log, ZoneId businessZone) {
        this.log = log;
        this.zone = businessZone;
    }

    Report audit(LocalDate from, LocalDate to) {
        return log.inSnapshot(() -> {
            List<String> cases = log.casesStartedBetween(from.atStartOfDay(zone).toInstant(),
                    to.plusDays(1).atStartOfDay(zone).toInstant());
            long events = 0;
            long valid = 0;
            List<InvalidCase> invalid = new ArrayList<>();
            for (int i = 0; i < cases.size(); i += CHUNK) {
                List<String> chunk = cases.subList(i, Math.min(cases.size(), i + CHUNK));
                Map<String, List<StoredEvent>> stored = log.stored(chunk);
                Map<String, ChainVerifier.Head> heads = log.heads(chunk);
                for (String caseId : chunk) {
                    ChainVerification v = log.withDocuments(
                            ChainVerifier.verify(caseId, stored.get(caseId), heads.get(caseId)), stored.get(caseId));
                    events += v.events();
                    if (v.valid()) {
                        valid++;
                    } else {
                        invalid.add(new InvalidCase(caseId, v.firstBadSeq(), v.reason(), v.changedDocuments()));
                    }
                }
            }
            return new Report(from, to, cases.size(), events, valid, invalid);
        });
    }
}
