/**
 * Who may do what: Camunda users and groups per unit and role ({@link vn.hoso.identity.Groups}), HTTP Basic and the web
 * apps' logins against them with a per-client limit on failed logins, the engine told who calls, and the guards of
 * the engine's APIs ({@code EngineApiPolicy}: what a user other than an administrator may change there). Public
 * surface: {@link vn.hoso.identity.CurrentUser}, {@link vn.hoso.identity.Groups}, {@link vn.hoso.identity.EngineCallers}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity",
        allowedDependencies = {"platform", "units"})
package vn.hoso.identity;
