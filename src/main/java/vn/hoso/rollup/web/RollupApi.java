package vn.hoso.rollup.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A controller of the rollup API. Its handlers answer under {@code /api/rollups} (HTTP Basic, stateless, for
 * scripts) and under {@code /dashboard/api/rollups} (the dashboard's session, CSRF-protected): the security chains
 * differ, the figures and the access rules ({@link AuthorizedRollups}) do not. Every GET answers JSON, {@code text/csv}
 * or Excel (Accept header or {@code format=csv|xlsx}). One OpenAPI tag for all, as when they were one class.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@RestController
@RequestMapping({"/api/rollups", "/dashboard/api/rollups"})
@Tag(name = "rollup-controller")
@interface RollupApi {
}
