package vn.hoso.platform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.catalina.Context;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.AbstractFilterRegistrationBean;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import vn.hoso.infra.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Every filter of the app is registered with its {@link FilterOrder} and the container runs them in that order. */
@IntegrationTest
class FilterOrderTest {

    /** Filter name (as registered) → its documented order, in the documented sequence. */
    private static final Map<String, Integer> DOCUMENTED = documented();

    @Autowired
    ServletWebServerApplicationContext context;

    private static Map<String, Integer> documented() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("maintenanceGate", FilterOrder.MAINTENANCE_GATE);
        m.put("databaseOutageFilter", FilterOrder.DATABASE_OUTAGE);
        m.put("requestGuard", FilterOrder.REQUEST_GUARD);
        m.put("loginRateLimitFilter", FilterOrder.LOGIN_RATE_LIMIT);
        m.put("springSecurityFilterChain", FilterOrder.SPRING_SECURITY);
        m.put("webAppAccessGuard", FilterOrder.WEB_APP_ACCESS_GUARD);
        m.put("queryExpressionGuard", FilterOrder.QUERY_EXPRESSION_GUARD);
        m.put("engineApiPolicy", FilterOrder.ENGINE_API_POLICY);
        m.put("stepInputGuard", FilterOrder.STEP_INPUT_GUARD);
        return m;
    }

    @Test
    void theConstantsAreInTheDocumentedSequence() {
        List<Integer> orders = new ArrayList<>(DOCUMENTED.values());
        assertThat(orders).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void eachFilterIsRegisteredWithItsDocumentedOrder() {
        Map<String, Integer> registered = new LinkedHashMap<>();
        for (AbstractFilterRegistrationBean<?> registration
                : context.getBeansOfType(AbstractFilterRegistrationBean.class).values()) {
            registered.put(registration.getFilterName(), registration.getOrder());
        }
        assertThat(registered).containsAllEntriesOf(DOCUMENTED);
    }

    @Test
    void theContainerRunsThemInThatOrderAndTheWebAppsFiltersAfter() {
        Context root = (Context) ((TomcatWebServer) context.getWebServer()).getTomcat().getHost().findChild("");
        List<String> chain = Arrays.stream(root.findFilterMaps()).map(FilterMap::getFilterName).distinct().toList();
        assertThat(chain.stream().filter(DOCUMENTED::containsKey).toList())
                .containsExactlyElementsOf(DOCUMENTED.keySet());
        int lastOfOurs = chain.indexOf("stepInputGuard");
        List<String> camunda = chain.stream().filter(name -> name.toLowerCase().contains("camunda")
                || root.findFilterDef(name).getFilterClass().startsWith("org.camunda")).toList();
        assertThat(camunda).isNotEmpty().allSatisfy(name -> assertThat(chain.indexOf(name)).isGreaterThan(lastOfOurs));
    }
}
