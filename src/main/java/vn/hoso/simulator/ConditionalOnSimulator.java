package vn.hoso.simulator;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/**
 * The simulator's beans and settings exist only with {@code hoso.simulator.enabled=true}, which only the dev profile
 * sets: the simulator moves the engine's clock into the past, so production has none of it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ConditionalOnProperty(name = "hoso.simulator.enabled", havingValue = "true")
@interface ConditionalOnSimulator {
}
