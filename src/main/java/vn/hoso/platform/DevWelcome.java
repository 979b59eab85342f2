package vn.hoso.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells whoever started the embedded run where to go and how to log in. */
@Component
@Profile("dev")
class DevWelcome {

    private static final Logger log = LoggerFactory.getLogger(DevWelcome.class);

    @EventListener
    void ready(ApplicationReadyEvent event) {
        Environment env = event.getApplicationContext().getEnvironment();
        String port = env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
        log.info("""

                ================================================================================
                 Hồ sơ is running (dev profile, embedded PostgreSQL and Kafka)
                   Tasklist   http://localhost:{}/camunda/app/tasklist/
                   Cockpit    http://localhost:{}/camunda/app/cockpit/
                   API        http://localhost:{}/api/units   (HTTP Basic)
                 Demo accounts, password 'demo': admin, auditor, officer.{{unitCode}}, leader.{{unitCode}}
                   e.g. officer.10507 / demo, leader.288 / demo
                 PostgreSQL localhost:{} (database postgres, user postgres, password postgres)
                 Kafka      {}
                ================================================================================""",
                port, port, port, env.getProperty("hoso.infra.postgres-port"),
                env.getProperty("spring.kafka.bootstrap-servers"));
    }
}
