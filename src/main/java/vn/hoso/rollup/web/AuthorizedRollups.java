package vn.hoso.rollup.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import vn.hoso.identity.CurrentUser;
import vn.hoso.rollup.ingest.RollupRebuild;
import vn.hoso.rollup.query.Days;
import vn.hoso.rollup.query.ProgressReport;
import vn.hoso.rollup.query.RollupModel.Period;
import vn.hoso.rollup.query.RollupModel.SegmentPage;
import vn.hoso.rollup.query.RollupModel.TierRow;
import vn.hoso.rollup.query.RollupModel.Trend;
import vn.hoso.rollup.query.RollupModel.UnitRow;
import vn.hoso.rollup.query.RollupService;
import vn.hoso.units.Tier;
import vn.hoso.units.Unit;
import vn.hoso.units.UnitDirectory;

/**
 * The rollups as the caller of the request may read them: the one place where {@link RollupAccess} is applied. A
 * question the caller may not ask is a 403 problem; lists are cut to the units, and the per-unit answers of a reused
 * code to the days of the unit versions, that the caller reads. Parameters are checked before (400 comes first).
 */
@Component
class AuthorizedRollups {

    private static final String OWN_UNITS_ONLY = "You may read the rollups of your own unit and the units below it only.";

    private final RollupService rollups;
    private final ProgressReport report;
    private final RollupRebuild rebuild;
    private final RollupAccess access;
    private final UnitDirectory directory;

    AuthorizedRollups(RollupService rollups, ProgressReport report, RollupRebuild rebuild, RollupAccess access,
                      UnitDirectory directory) {
        this.rollups = rollups;
        this.report = report;
        this.rebuild = rebuild;
        this.access = access;
        this.directory = directory;
    }

    /** The caller and what they may read. */
    record Me(String userId, boolean readsAll, boolean readsTiers, List<String> units, boolean admin) {
    }

    /** A page of a unit code's segments, and the name of the version the caller reads it under. */
    record Segments(SegmentPage page, String unitName) {
    }

    Me me() {
        CurrentUser user = user();
        return new Me(user.userId(), access.readsAll(user), access.readsTiers(user), user.unitCodes(),
                user.isAdmin());
    }

    List<TierRow> tiers(Period period, String kind) {
        requireTiers(user(), "Tier (province-wide) rollups are for auditors, administrators and "
                + "province-level officers and leaders.");
        return rollups.tiers(period, kind);
    }

    /** The legal view, or the restated one with {@code asOf}; only {@code unit} / the units below {@code parent}. */
    List<UnitRow> units(Period period, Tier tier, String kind, LocalDate asOf, String unit, String parent) {
        CurrentUser user = user();
        if (!access.readsAnything(user)) {
            throw RollupProblem.forbidden("Rollups are for auditors, administrators, officers and leaders.");
        }
        requireCode(user, unit, period, OWN_UNITS_ONLY);
        requireCode(user, parent, period, OWN_UNITS_ONLY);
        List<UnitRow> rows = asOf == null ? rollups.units(period, tier, kind)
                : rollups.unitsAsOf(period, tier, kind, asOf);
        List<UnitRow> visible = new ArrayList<>();
        for (UnitRow r : rows) {
            if ((unit != null && !unit.equals(r.unitCode())) || (parent != null && !parent.equals(r.parentCode()))) {
                continue;
            }
            Unit version = r.validFrom() == null ? null : directory.version(r.unitCode(), r.validFrom()).orElse(null);
            boolean sameAsOf = "AS_OF".equals(r.restatement());
            LocalDate from = sameAsOf ? asOf : period.from();
            LocalDate to = sameAsOf ? asOf : period.to();
            if (access.readsUnit(user, r.unitCode(), version, from, to)) {
                visible.add(r);
            }
        }
        return visible;
    }

    Segments segments(String code, Period period, String kind, int offset, int limit) {
        List<Days> days = access.days(user(), code, period);
        if (days.isEmpty()) {
            throw RollupProblem.forbidden(OWN_UNITS_ONLY);
        }
        SegmentPage page = rollups.segments(code, period, days, kind, offset, limit);
        // named after the last version the caller reads, in the period if it has one
        List<Unit> readable = directory.history(code).stream().filter(u -> Days.coversVersion(days, u)).toList();
        Unit named = readable.stream().filter(u -> !u.validFrom().isAfter(page.to())).reduce((a, b) -> b)
                .orElse(readable.stream().reduce((a, b) -> b).orElse(null));
        return new Segments(page, named == null ? null : named.name());
    }

    /** Monthly series of the tiers, or of one unit code on the days the caller reads. */
    Trend trend(Period period, Tier tier, String unit, String kind) {
        CurrentUser user = user();
        List<Days> days = unit == null ? List.of() : access.days(user, unit, period);
        if (unit == null) {
            requireTiers(user, "Tier (province-wide) trends are for auditors, administrators and province-level "
                    + "officers and leaders.");
        } else if (days.isEmpty()) {
            throw RollupProblem.forbidden(OWN_UNITS_ONLY);
        }
        return rollups.trend(period, tier, unit, days, kind);
    }

    List<ProgressReport.Row> reportTiers(Period period, String kind) {
        requireTiers(user(), "Tier (province-wide) reports are for auditors, administrators and "
                + "province-level officers and leaders.");
        return report.tiers(period, kind);
    }

    /** Per receiving unit, counting the cases each code received on the days the caller reads; only {@code unit}. */
    List<ProgressReport.Row> reportUnits(Period period, Tier tier, String kind, String unit) {
        CurrentUser user = user();
        if (!access.readsAnything(user)) {
            throw RollupProblem.forbidden("Reports are for auditors, administrators, officers and leaders.");
        }
        requireCode(user, unit, period, "You may read the reports of your own unit and the units below it only.");
        Map<String, List<Days>> scope = access.scope(user, period);
        return report.units(period, tier, kind, scope).stream()
                .filter(r -> unit == null || unit.equals(r.unitCode()))
                .toList();
    }

    RollupRebuild.Report rebuild() {
        if (!user().isAdmin()) {
            throw RollupProblem.forbidden("Only administrators rebuild the read model.");
        }
        try {
            return rebuild.run();
        } catch (RollupRebuild.AlreadyRunning e) {
            throw RollupProblem.conflict(e.getMessage());
        }
    }

    private static CurrentUser user() {
        CurrentUser user = CurrentUser.fromSecurityContext();
        if (user == null) {
            throw RollupProblem.forbidden("Not authenticated.");
        }
        return user;
    }

    private void requireTiers(CurrentUser user, String refusal) {
        if (!access.readsTiers(user)) {
            throw RollupProblem.forbidden(refusal);
        }
    }

    private void requireCode(CurrentUser user, String code, Period period, String refusal) {
        if (code != null && !access.readsCode(user, code, period.from(), period.to())) {
            throw RollupProblem.forbidden(refusal);
        }
    }
}
