/**
 * The procedure catalogue read from the DMN table in bpmn/ ({@link vn.hoso.procedures.ProcedureCatalogue}): each
 * procedure's kind, receiving tier, route and statutory working days, adapted to the tiers in force;
 * {@code /api/procedures}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Procedure catalogue",
        allowedDependencies = {"platform", "units"})
package vn.hoso.procedures;
