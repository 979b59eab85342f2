package vn.hoso.cases;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import org.camunda.bpm.engine.BadUserRequestException;
import vn.hoso.units.Tier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Properties of the case's pure logic: the route as stored in the case row, and the outcomes a step accepts. */
@Tag("fast")
class CaseLogicPropertyTest {

    @Property
    void aRouteReadsBackAsItWasWritten(@ForAll("routes") Route route) {
        Route read = Route.decode(route.encode());
        assertThat(read).isEqualTo(route);
        assertThat(read.totalDays()).isEqualTo(route.stops().stream().mapToInt(Route.Stop::days).sum());
        assertThat(read.isLast(route.stops().size() - 1)).isTrue();
        assertThat(route.stops().size() == 1 || !read.isLast(0)).isTrue();
    }

    @Property
    void onlyTheOutcomesOfTheStepAreAccepted(@ForAll("decidingSteps") String step, @ForAll String outcome) {
        List<String> allowed = StepRules.OUTCOMES.get(step);
        if (outcome.isEmpty()) {
            assertThat(StepRules.outcome(step, outcome)).isEqualTo(allowed.get(0));
        } else if (allowed.contains(outcome)) {
            assertThat(StepRules.outcome(step, outcome)).isEqualTo(outcome);
        } else {
            assertThatThrownBy(() -> StepRules.outcome(step, outcome)).isInstanceOf(BadUserRequestException.class);
        }
    }

    @Provide
    Arbitrary<Route> routes() {
        Arbitrary<Route.Stop> stop = Combinators.combine(Arbitraries.of(Tier.class),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(10),
                Arbitraries.integers().between(0, 400)).as(Route.Stop::new);
        return stop.list().ofMinSize(1).ofMaxSize(4).map(Route::new);
    }

    @Provide
    Arbitrary<String> decidingSteps() {
        return Arbitraries.of(StepRules.OUTCOMES.keySet());
    }
}
