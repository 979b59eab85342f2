package vn.hoso.platform;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.ExceptionHandlerMethodResolver;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The one mapping of domain problems to problem+json: status by kind, title, detail, instance, properties. */
class DomainProblemAdviceTest {

    @RestController
    static class Probe {
        @GetMapping("/probe/{kind}")
        String fail(@PathVariable String kind) {
            throw switch (kind) {
                case "invalid" -> new InvalidRequest("Invalid thing", "2 field(s) are invalid.",
                        List.of(new InvalidRequest.FieldError("name", "Required."),
                                new InvalidRequest.FieldError("applicant.idNumber", "Exactly 12 digits.")));
                case "unauthenticated" -> new NotAuthenticated(null, "Who are you?");
                case "forbidden" -> new Forbidden("Not allowed", "Not yours.");
                case "not-found" -> new NotFound(null, "No such thing.").with("code", "10507")
                        .with("validOn", List.of("2025-07-01"));
                case "conflict" -> new Conflict("Calendar rows are inconsistent", "A gap.");
                default -> new IllegalStateException(kind);
            };
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Probe())
            .setControllerAdvice(new DomainProblemAdvice()).build();

    @Test
    void eachKindIsAnsweredWithItsStatusTitleDetailAndPath() throws Exception {
        Map<String, Object[]> expected = Map.of(
                "invalid", new Object[] {400, "Invalid thing", "2 field(s) are invalid."},
                "unauthenticated", new Object[] {401, "Unauthorized", "Who are you?"},
                "forbidden", new Object[] {403, "Not allowed", "Not yours."},
                "not-found", new Object[] {404, "Not Found", "No such thing."},
                "conflict", new Object[] {409, "Calendar rows are inconsistent", "A gap."});
        for (var e : expected.entrySet()) {
            mvc.perform(get("/probe/" + e.getKey()).accept(MediaType.APPLICATION_JSON))
                    .andExpect(status().is((int) e.getValue()[0]))
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.type").value("about:blank"))
                    .andExpect(jsonPath("$.status").value(e.getValue()[0]))
                    .andExpect(jsonPath("$.title").value(e.getValue()[1]))
                    .andExpect(jsonPath("$.detail").value(e.getValue()[2]))
                    .andExpect(jsonPath("$.instance").value("/probe/" + e.getKey()));
        }
    }

    @Test
    void fieldErrorsAndPropertiesAreTopLevelMembers() throws Exception {
        // Accept JSON: the test classpath also has Jackson's XML (s3proxy's), which a bare MockMvc would prefer
        mvc.perform(get("/probe/invalid").accept(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.errors[*].field").value(contains("name", "applicant.idNumber")))
                .andExpect(jsonPath("$.errors[1].message").value("Exactly 12 digits."));
        mvc.perform(get("/probe/not-found").accept(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.code").value("10507"))
                .andExpect(jsonPath("$.validOn[0]").value("2025-07-01"));
    }

    @Test
    void theAdviceLeavesSpringsOwnErrorsToSpringBoot() {
        // rollup still throws ErrorResponseException: Boot's problem-details handler answers it as before, and it is
        // only registered while no other ResponseEntityExceptionHandler exists
        var handlers = new ExceptionHandlerMethodResolver(DomainProblemAdvice.class);
        assertThat(handlers.resolveMethod(new ErrorResponseException(HttpStatus.BAD_REQUEST,
                ProblemDetail.forStatus(HttpStatus.BAD_REQUEST), null))).isNull();
        assertThat(handlers.resolveMethod(new IllegalArgumentException())).isNull();
        assertThat(ResponseEntityExceptionHandler.class.isAssignableFrom(DomainProblemAdvice.class)).isFalse();
    }
}
