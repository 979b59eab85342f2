package vn.hoso.platform;

import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Runs engine calls without the caller's engine authorization checks, for work the product has already authorized
 * itself (e.g. intake by an officer of the receiving unit starts a process instance, which officers may not do
 * through the engine REST). The caller's authentication is restored afterwards.
 */
@Component
public class EngineAsSystem {

    private final IdentityService identityService;

    EngineAsSystem(IdentityService identityService) {
        this.identityService = identityService;
    }

    public <T> T call(Supplier<T> work) {
        Authentication caller = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            return work.get();
        } finally {
            if (caller != null) {
                identityService.setAuthentication(caller);
            }
        }
    }

    public void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }
}
