package vn.hoso.rollup.web;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.PostMapping;
import vn.hoso.rollup.ingest.RollupRebuild;

/** The administrators' check of the read model against the topic. */
@RollupApi
class RebuildController {

    private final AuthorizedRollups rollups;

    RebuildController(AuthorizedRollups rollups) {
        this.rollups = rollups;
    }

    @PostMapping("/rebuild")
    @Operation(summary = "Administrators: replay the topic into fresh tables and compare with the live read model")
    RollupRebuild.Report rebuild() {
        return rollups.rebuild();
    }
}
