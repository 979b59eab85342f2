package vn.hoso.simulator;

import java.time.OffsetDateTime;

import vn.hoso.procedures.CaseKind;
import vn.hoso.units.Tier;

/**
 * One case of a plan: what the one-stop shop receives, when and where. {@code seed} drives everything that happens
 * to the case afterwards (modes, outcomes, delays), so that a case behaves the same whatever runs beside it.
 */
public record PlannedCase(int no, OffsetDateTime receivedAt, String unitCode, Tier tier, CaseKind kind,
                          String procedureCode, String channel, String subject, String applicantName,
                          String applicantIdNumber, long seed) {
}
