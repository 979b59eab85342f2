package vn.hoso.citizens.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Ticker;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.hoso.citizens.CitizensProperties;
import vn.hoso.identity.LoginRateLimiter;
import vn.hoso.platform.NotFound;
import vn.hoso.platform.ProblemResponse;

/**
 * The public lookup, no login: {@code GET /api/public/cases/{code}?pin=}. A wrong code and a wrong PIN are answered
 * exactly like a case that does not exist (the same 404 problem, and the same bcrypt check behind it); each such
 * answer counts as a failure of the client, and a client with {@code hoso.citizens.lookup-limit.max-failures}
 * failures within the window gets {@code 429} with {@code Retry-After} (identity's {@link LoginRateLimiter}, an
 * instance of its own), before anything is looked up, so that codes and PINs cannot be guessed in bulk.
 */
@RestController
class PublicLookupController {

    static final String NOT_FOUND = "Không tìm thấy hồ sơ có mã hồ sơ và mã tra cứu này. "
            + "No case file with this code and PIN.";

    private final PublicLookup lookup;
    private final LoginRateLimiter limiter;
    private final ObjectMapper mapper;

    PublicLookupController(PublicLookup lookup, CitizensProperties properties, ObjectMapper mapper) {
        this.lookup = lookup;
        var limit = properties.lookupLimit();
        this.limiter = new LoginRateLimiter("Case lookups", limit.maxFailures(), limit.window(),
                limit.trackedClients(), Ticker.systemTicker());
        this.mapper = mapper;
    }

    @GetMapping("/api/public/cases/{code}")
    ResponseEntity<PublicLookup.View> find(@PathVariable String code, @RequestParam(required = false) String pin,
                                           HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        String client = request.getRemoteAddr();
        Optional<Duration> wait = limiter.retryAfter(client);
        if (wait.isPresent()) {
            long seconds = LoginRateLimiter.wholeSeconds(wait.get());
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            ProblemResponse.write(mapper, request, response, HttpStatus.TOO_MANY_REQUESTS, "Too many failed lookups",
                    "Tra cứu sai quá nhiều lần; xin thử lại sau " + seconds + " giây. Too many failed lookups from "
                            + "your address; try again in " + seconds + " s.");
            return null;
        }
        Optional<PublicLookup.View> view = lookup.find(code, pin);
        if (view.isEmpty()) {
            limiter.recordFailure(client);
            throw new NotFound(null, NOT_FOUND);
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(view.get());
    }

    /** The page. */
    @Controller
    static class Page {

        @GetMapping({"/tra-cuu", "/tra-cuu/"})
        String page() {
            return "forward:/tra-cuu/index.html";
        }
    }
}
