package vn.hoso.units;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Share of files to be processed online for a tier, in force from validFrom to validTo (inclusive). */
public record OnlineTarget(Tier tier, BigDecimal target, LocalDate validFrom, LocalDate validTo, String programme) {
}
