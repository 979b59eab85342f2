/**
 * Case files: intake ({@link vn.hoso.cases.CaseIntake}, {@code /api/cases}), the case tables, the engine-facing side
 * of the BPMN models ({@code CaseFlow}: which unit works a case, where it goes next, what a step decided, all read
 * from the case tables), the step listener that records every step as a typed event, the step input rules and their
 * HTTP guard, and the shared Tasklist filters. The model ids Java names: {@link vn.hoso.cases.CaseModel}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Cases",
        allowedDependencies = {"platform", "identity", "units", "calendar", "procedures", "events"})
package vn.hoso.cases;
