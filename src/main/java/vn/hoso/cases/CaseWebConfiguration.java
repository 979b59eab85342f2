package vn.hoso.cases;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.hoso.platform.BusinessClock;
import vn.hoso.platform.EngineAsSystem;
import vn.hoso.platform.FilterOrder;

@Configuration(proxyBeanMethods = false)
class CaseWebConfiguration {

    @Bean
    FilterRegistrationBean<StepInputGuard> stepInputGuard(TaskService taskService, RuntimeService runtimeService,
                                                          AuthorizationService authorizations, CaseFiles cases,
                                                          EngineAsSystem engine, BusinessClock clock,
                                                          ObjectMapper objectMapper) {
        var registration = new FilterRegistrationBean<>(new StepInputGuard(taskService, runtimeService,
                authorizations, cases, engine, clock, objectMapper));
        registration.addUrlPatterns("/engine-rest/task/*", "/camunda/api/engine/*");
        registration.setOrder(FilterOrder.STEP_INPUT_GUARD);
        return registration;
    }
}
