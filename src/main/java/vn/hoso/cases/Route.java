package vn.hoso.cases;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import vn.hoso.units.Tier;

/** The units a case passes through, in order, with each one's share of the statutory time (working days). */
record Route(List<Stop> stops) {

    record Stop(Tier tier, String unitCode, int days) {
    }

    Stop stop(int index) {
        return stops.get(index);
    }

    boolean isLast(int index) {
        return index == stops.size() - 1;
    }

    int totalDays() {
        return stops.stream().mapToInt(Stop::days).sum();
    }

    String encode() {
        return stops.stream().map(s -> s.tier() + ":" + s.unitCode() + ":" + s.days()).collect(Collectors.joining(","));
    }

    static Route decode(String text) {
        return new Route(Arrays.stream(text.split(",")).map(part -> {
            String[] f = part.split(":");
            return new Stop(Tier.valueOf(f[0]), f[1], Integer.parseInt(f[2]));
        }).toList());
    }
}
