/**
 * Cross-cutting set-up every module may use and none is used by: the business time zone and clock
 * ({@link vn.hoso.platform.BusinessClock}), Flyway before the engine and the engine schema, required settings, the one
 * decoded request path ({@link vn.hoso.platform.RequestPaths}), problem+json answers ({@link vn.hoso.platform.ProblemResponse},
 * the domain problems and their advice), the servlet filter order ({@link vn.hoso.platform.FilterOrder}), the
 * maintenance gate, and engine calls without the caller's authorizations ({@link vn.hoso.platform.EngineAsSystem}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform",
        allowedDependencies = {})
package vn.hoso.platform;
