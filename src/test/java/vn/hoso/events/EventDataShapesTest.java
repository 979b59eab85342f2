package vn.hoso.events;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The fields that name a unit, a tier or a value of a closed list have their shape wherever they appear in an
 * event's data ({@code EventData.FIELD_SHAPES}): free text in them (an identity number in a unit field, say) is
 * refused before anything is written.
 */
@Tag("fast")
class EventDataShapesTest {

    final EventData eventData = new EventData(ZoneId.of("Asia/Ho_Chi_Minh"));

    @Test
    void valuesOfTheProductsOwnRecordsPass() {
        var tree = eventData.tree(Map.of("unitCode", "10507", "tier", "COMMUNE", "toUnit", "30", "toTier",
                "PROVINCE", "kind", "WORK", "channel", "IN_PERSON", "mode", "PAPER", "timeliness", "ON_TIME",
                "outcome", "SUPPLEMENT", "step", "returnAtReceivingUnit"));
        assertThat(tree).hasSize(10);
        assertThat(eventData.tree(Map.of("actor", "officer.10507", "receivingUnit", "1"))).hasSize(2);
        assertThat(eventData.tree(java.util.Collections.singletonMap("unitCode", null))).hasSize(1);
    }

    @Test
    void aValueOfAnotherShapeIsRefusedNamingTheField() {
        Map<String, Object> bad = Map.of(
                "unitCode", "012345678901", "fromUnit", "Phường 1", "tier", "commune", "receivingTier", "WARD",
                "kind", "OTHER", "channel", "EMAIL", "mode", "ELECTRONIC ", "timeliness", "SOON",
                "outcome", "approve", "step", "1receive");
        for (var field : bad.entrySet()) {
            assertThatThrownBy(() -> eventData.tree(Map.of(field.getKey(), field.getValue())))
                    .as(field.getKey()).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("data." + field.getKey() + " must match");
        }
        assertThatThrownBy(() -> eventData.tree(Map.of("actor", "officer 10507")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> eventData.tree(Map.of("unitCode", 10507)))
                .as("a number is not a unit code").isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shapesHoldAtAnyDepth() {
        assertThatThrownBy(() -> eventData.tree(Map.of("route", List.of(Map.of("unitCode", "10507"),
                Map.of("unitCode", "Thành Đông"))))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("data.route[1].unitCode");
        assertThatThrownBy(() -> eventData.tree(Map.of("segment", Map.of("tier", "province"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("data.segment.tier");
    }

    @Test
    void theListOfShapedFieldsIsTheOneDocumented() {
        assertThat(EventData.FIELD_SHAPES.keySet()).containsExactlyInAnyOrder("unitCode", "fromUnit", "toUnit",
                "receivingUnit", "tier", "fromTier", "toTier", "receivingTier", "kind", "channel", "mode",
                "timeliness", "outcome", "step", "actor", "sha256", "component", "stage", "mediaType");
    }
}
