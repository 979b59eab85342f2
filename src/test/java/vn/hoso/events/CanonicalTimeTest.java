package vn.hoso.events;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Tag;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The consumer's fast reading of the product's time format gives what the general parser gives, or leaves it to it. */
@Tag("fast")
class CanonicalTimeTest {

    /** What {@link DataReader#time} gave before the fast path: the general parser, null when it refuses. */
    static OffsetDateTime general(String s) {
        try {
            return OffsetDateTime.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Property(tries = 2000)
    void everyTimeTheProductWritesReadsAsTheGeneralParserReadsIt(
            @ForAll @LongRange(min = -62_000_000_000L, max = 253_000_000_000L) long epochSecond,
            @ForAll @IntRange(min = 0, max = 999) int millis,
            @ForAll @IntRange(min = -18 * 4, max = 18 * 4) int quarterHours) {
        OffsetDateTime time = Instant.ofEpochSecond(epochSecond, millis * 1_000_000L)
                .atOffset(ZoneOffset.ofTotalSeconds(quarterHours * 900));
        String text = EventData.TIME.format(time);
        OffsetDateTime fast = DataReader.canonicalTime(text);
        assertThat(fast).as(text).isNotNull().isEqualTo(general(text)).isEqualTo(time);
    }

    @Property(tries = 2000)
    void aStringOfTheFormatsLengthIsReadAsTheGeneralParserReadsItOrLeftToIt(
            @ForAll @StringLength(29) String noise) {
        OffsetDateTime fast = DataReader.canonicalTime(noise);
        if (fast != null) {
            assertThat(fast).isEqualTo(general(noise));
        }
    }

    @Test
    void impossibleDatesTimesAndOffsetsAreLeftToTheGeneralParserWhichRefusesThem() {
        for (String text : new String[] {"2025-02-29T09:00:00.000+07:00", "2025-13-01T09:00:00.000+07:00",
                "2025-03-14T24:00:00.000+07:00", "2025-03-14T09:60:00.000+07:00", "2025-03-14T09:00:60.000+07:00",
                "2025-03-14T09:00:00.000+19:00", "2025-03-14T09:00:00.000+07:60", "2025-03-14T09:00:00.0a0+07:00",
                "2025-03-14 09:00:00.000+07:00", "2025-03-14T09:00:00.000Z"}) {
            assertThat(DataReader.canonicalTime(text)).as(text).isNull();
            assertThat(reading(text).time("t")).as(text)
                    .isEqualTo(general(text));
        }
        assertThat(DataReader.canonicalTime("2024-02-29T23:59:59.999-03:30"))
                .isEqualTo(OffsetDateTime.parse("2024-02-29T23:59:59.999-03:30"));
        assertThat(DataReader.canonicalTime("2025-03-14T09:00:00+07:00")).as("other lengths: the general parser")
                .isNull();
        assertThat(reading("2025-03-14T09:00:00+07:00").time("t"))
                .isEqualTo(OffsetDateTime.parse("2025-03-14T09:00:00+07:00"));
    }

    static DataReader reading(String time) {
        return new DataReader(JsonNodeFactory.instance.objectNode().put("t", time));
    }
}
