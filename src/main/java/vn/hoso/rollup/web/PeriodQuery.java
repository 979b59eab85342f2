package vn.hoso.rollup.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A GET of the rollup API that reads {@link QueryParameter#COMMON} and the parameters given here (through its
 * {@link RollupParams}); its OpenAPI operation lists them, in that order.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface PeriodQuery {

    QueryParameter[] value() default {};
}
