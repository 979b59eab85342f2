package vn.hoso.units;

/** Administrative tier of a unit. The district tier exists only until 2025-06-30. */
public enum Tier {
    PROVINCE, DISTRICT, COMMUNE;

    static Tier fromLevel(String level) {
        return switch (level) {
            case "province" -> PROVINCE;
            case "district" -> DISTRICT;
            case "commune" -> COMMUNE;
            default -> throw new IllegalArgumentException("unknown level " + level);
        };
    }
}
