package vn.hoso.units;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.constraints.IntRange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The directory against a day-by-day reading of the same versions: codes with gaps and reused codes, any date, any
 * period (jqwik). No Spring, no database.
 */
@Tag("fast")
class UnitDirectoryPropertyTest {

    static final LocalDate DAY0 = LocalDate.of(2021, 1, 1);
    static final List<String> CODES = List.of("1", "2", "3");

    @Property(tries = 200)
    void aCodeOnADateIsTheOneVersionValidThatDay(@ForAll("registries") List<Unit> units,
                                                  @ForAll @IntRange(min = -5, max = 130) int day) {
        UnitDirectory directory = UnitDirectory.of(units, List.of());
        LocalDate date = DAY0.plusDays(day);
        for (String code : CODES) {
            List<Unit> valid = units.stream().filter(u -> u.code().equals(code) && u.validOn(date)).toList();
            assertThat(valid).hasSizeLessThanOrEqualTo(1);
            assertThat(directory.on(code, date)).isEqualTo(valid.stream().findFirst());
            assertThat(directory.history(code)).isSortedAccordingTo((a, b) -> a.validFrom().compareTo(b.validFrom()))
                    .containsExactlyInAnyOrderElementsOf(units.stream().filter(u -> u.code().equals(code)).toList());
        }
    }

    @Property(tries = 200)
    void validBetweenHasEveryVersionValidOnSomeDayOfThePeriod(@ForAll("registries") List<Unit> units,
                                                              @ForAll @IntRange(min = -5, max = 130) int from,
                                                              @ForAll @IntRange(min = 0, max = 40) int length) {
        UnitDirectory directory = UnitDirectory.of(units, List.of());
        LocalDate first = DAY0.plusDays(from);
        LocalDate last = first.plusDays(length);
        List<Unit> expected = units.stream()
                .filter(u -> first.datesUntil(last.plusDays(1)).anyMatch(u::validOn))
                .toList();
        assertThat(directory.validBetween(first, last, null)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(directory.validBetween(first, last, Tier.COMMUNE))
                .containsExactlyInAnyOrderElementsOf(expected.stream().filter(u -> u.tier() == Tier.COMMUNE).toList());
    }

    /** Codes 1–3, each with consecutive versions (sometimes a gap between, the last sometimes open). */
    @Provide
    Arbitrary<List<Unit>> registries() {
        return Arbitraries.integers().between(1, 30).list().ofMinSize(1).ofMaxSize(4).list().ofSize(CODES.size())
                .map(lengthsPerCode -> {
                    List<Unit> units = new ArrayList<>();
                    for (int c = 0; c < CODES.size(); c++) {
                        LocalDate start = DAY0.plusDays(c * 3L);
                        List<Integer> lengths = lengthsPerCode.get(c);
                        for (int v = 0; v < lengths.size(); v++) {
                            int length = lengths.get(v);
                            boolean open = v == lengths.size() - 1 && length % 2 == 0;
                            LocalDate end = open ? null : start.plusDays(length);
                            units.add(new Unit(CODES.get(c), start, end, "U" + c + "." + v, "Xã",
                                    c == 0 ? Tier.DISTRICT : Tier.COMMUNE, c == 0 ? null : CODES.get(0)));
                            // every third version leaves a gap of a few days before the next one
                            start = end == null ? null : end.plusDays(length % 3 == 0 ? 4 : 1);
                            if (start == null) {
                                break;
                            }
                        }
                    }
                    return units;
                });
    }
}
