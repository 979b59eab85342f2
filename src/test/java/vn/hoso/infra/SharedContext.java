package vn.hoso.infra;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.test.context.TestContextManager;

/**
 * Gives a test class that the Jupiter {@code SpringExtension} does not run (jqwik {@code @Property} classes run on
 * jqwik's own engine) the shared {@link IntegrationTest} context: Spring's {@link TestContextManager} builds the
 * same context key from the class's annotations and so takes the one context from its JVM-wide cache (started by
 * whichever test came first), then injects {@code @Autowired} and {@code @LocalServerPort} fields.
 */
public final class SharedContext {

    private static final Map<Class<?>, TestContextManager> MANAGERS = new ConcurrentHashMap<>();

    private SharedContext() {
    }

    public static void inject(Object testInstance) {
        try {
            MANAGERS.computeIfAbsent(testInstance.getClass(), TestContextManager::new).prepareTestInstance(testInstance);
        } catch (Exception e) {
            throw new IllegalStateException("Could not prepare " + testInstance.getClass().getName(), e);
        }
    }
}
