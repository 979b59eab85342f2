package vn.hoso.cases;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

import vn.hoso.procedures.CaseKind;
import vn.hoso.units.Tier;

/** A case file as the API shows it. {@code applicant} is null for callers who may not see personal data. */
public record CaseFile(UUID caseId, String code, CaseKind kind, String procedureCode, String subject,
                       Applicant applicant, String channel, String receivingUnit, Tier receivingTier,
                       OffsetDateTime receivedAt, LocalDate dueDate, CaseStatus status, String currentUnit,
                       Tier currentTier, String outcome, String timeliness, OffsetDateTime resolvedAt,
                       int supplementationCount, boolean apologyIssued, List<Segment> segments) {

    public record Applicant(String name, String idNumber) {
    }

    public record Segment(int segmentNo, String unitCode, Tier tier, OffsetDateTime openedAt,
                          OffsetDateTime closedAt, int steps, int paperSteps, boolean arrivedElectronically,
                          String result) {

        @JsonProperty("processedOnline")
        /** The product's one definition of "processed online" (domain.md §5): arrived electronically, no paper step. */
        public boolean processedOnline() {
            return closedAt != null && arrivedElectronically && paperSteps == 0;
        }
    }

    public CaseFile withoutApplicant() {
        return new CaseFile(caseId, code, kind, procedureCode, subject, null, channel, receivingUnit, receivingTier,
                receivedAt, dueDate, status, currentUnit, currentTier, outcome, timeliness, resolvedAt,
                supplementationCount, apologyIssued, segments);
    }
}
