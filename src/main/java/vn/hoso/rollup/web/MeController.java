package vn.hoso.rollup.web;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;

/** Who is asking and what they may read (the dashboard shows or hides its parts by it). */
@RollupApi
class MeController {

    private final AuthorizedRollups rollups;

    MeController(AuthorizedRollups rollups) {
        this.rollups = rollups;
    }

    @GetMapping("/me")
    @Operation(summary = "The caller and what they may read")
    AuthorizedRollups.Me me() {
        return rollups.me();
    }
}
