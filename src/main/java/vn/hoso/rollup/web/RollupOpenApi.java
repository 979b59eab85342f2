package vn.hoso.rollup.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.models.GroupedOpenApi;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * OpenAPI description of the auditor API ({@code /v3/api-docs/rollups}, Swagger UI at {@code /swagger-ui.html}),
 * as a group of its own so that other modules can add theirs. A handler's query parameters are those its
 * {@link PeriodQuery} names ({@link QueryParameter}); its {@link RollupParams} argument is no parameter of its own.
 */
@Configuration(proxyBeanMethods = false)
class RollupOpenApi {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(RollupParams.class);
    }

    @Bean
    GroupedOpenApi rollupsApi() {
        return GroupedOpenApi.builder()
                .group("rollups")
                .displayName("Rollups for auditors")
                .pathsToMatch("/api/rollups/**")
                .addOperationCustomizer((operation, handler) -> {
                    PeriodQuery query = handler.getMethodAnnotation(PeriodQuery.class);
                    if (query != null) {
                        for (QueryParameter p : QueryParameter.COMMON) {
                            operation.addParametersItem(p.toOpenApi());
                        }
                        for (QueryParameter p : query.value()) {
                            operation.addParametersItem(p.toOpenApi());
                        }
                    }
                    return operation;
                })
                .addOpenApiCustomizer(api -> {
                    api.info(new Info().title("Hồ sơ – rollups for auditors").version("1").description("""
                            Share of case segments processed online per tier and unit against the targets in force, \
                            on-time figures, the progress score and the Biểu II.06a report. Every GET answers JSON, \
                            text/csv (UTF-8 with BOM) or Excel (Accept header or format=csv|xlsx). Dates are days in \
                            Asia/Ho_Chi_Minh; periods are at most 5 years. Errors are application/problem+json."""));
                    api.components(api.getComponents() == null ? new Components() : api.getComponents());
                    api.getComponents().addSecuritySchemes("basic",
                            new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"));
                    api.addSecurityItem(new SecurityRequirement().addList("basic"));
                })
                .build();
    }
}
