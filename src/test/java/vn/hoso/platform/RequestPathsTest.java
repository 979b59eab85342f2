package vn.hoso.platform;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** The path guards decide on is the container's servlet path and path info, not the raw request URI. */
@Tag("fast")
class RequestPathsTest {

    @Test
    void isTheServletPathAndPathInfoNotTheRawUri() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/%65ngine-rest;x=1//task/..");
        request.setServletPath("/engine-rest");
        request.setPathInfo("/task/abc/complete");
        assertThat(RequestPaths.of(request)).isEqualTo("/engine-rest/task/abc/complete");
    }

    @Test
    void aServletMappedToTheRootHasTheWholePathAsServletPath() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/%61pi/cases");
        request.setServletPath("/api/cases");
        assertThat(RequestPaths.of(request)).isEqualTo("/api/cases");
    }

    @Test
    void isNeverEmpty() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "");
        request.setServletPath("");
        assertThat(RequestPaths.of(request)).isEqualTo("/");
    }
}
