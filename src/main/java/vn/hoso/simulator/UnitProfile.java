package vn.hoso.simulator;

import java.util.SplittableRandom;

import vn.hoso.units.Tier;
import vn.hoso.units.Unit;

/**
 * How a simulated unit works: {@code volume} is its relative number of cases received (a city ward is busier than a
 * rural commune), {@code onlineShare} the share of its segments worked wholly electronically (the rest have at least
 * one step on paper), {@code lateShare} the share of cases whose officers take longer than the time limit.
 */
public record UnitProfile(String code, String name, String type, Tier tier, double volume, double onlineShare,
                          double lateShare) {

    /** The generated profile of a unit: from its tier and type, varied per unit by a random draw from the seed. */
    static UnitProfile of(Unit unit, long seed) {
        SplittableRandom random = new SplittableRandom(seed * 31 + unit.code().hashCode());
        double online = clamp(baseOnlineShare(unit) + random.nextDouble(-0.12, 0.12), 0.2, 1.0);
        double late = 0.02 + random.nextDouble(0, 0.10);
        return new UnitProfile(unit.code(), unit.name(), unit.type(), unit.tier(), volumeOf(unit), round(online),
                round(late));
    }

    UnitProfile with(Double online, Double late) {
        return new UnitProfile(code, name, type, tier, volume, online == null ? onlineShare : online,
                late == null ? lateShare : late);
    }

    static double volumeOf(Unit unit) {
        if (unit.tier() == Tier.PROVINCE) {
            return 8;
        }
        return switch (unit.type()) {
            case "Thành phố" -> 5;
            case "Thị xã" -> 3.5;
            case "Huyện" -> 2.5;
            case "Phường" -> 3;
            case "Thị trấn" -> 2;
            case "Đặc khu" -> 1.5;
            default -> 1; // Xã
        };
    }

    /** Centred near the 2021–2025 targets (90 / 80 / 70 %), towns above the countryside. */
    static double baseOnlineShare(Unit unit) {
        return switch (unit.tier()) {
            case PROVINCE -> 0.92;
            case DISTRICT -> switch (unit.type()) {
                case "Thành phố" -> 0.86;
                case "Thị xã" -> 0.82;
                default -> 0.78;
            };
            case COMMUNE -> switch (unit.type()) {
                case "Phường" -> 0.77;
                case "Thị trấn" -> 0.72;
                default -> 0.66;
            };
        };
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(max, v));
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
