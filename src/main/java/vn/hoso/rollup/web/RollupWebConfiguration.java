package vn.hoso.rollup.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Hands the rollup handlers their {@link RollupParams}: the first value of each query parameter and the Accept header. */
@Configuration(proxyBeanMethods = false)
class RollupWebConfiguration implements WebMvcConfigurer {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return parameter.getParameterType() == RollupParams.class;
            }

            @Override
            public RollupParams resolveArgument(MethodParameter parameter, ModelAndViewContainer mav,
                                                NativeWebRequest request, WebDataBinderFactory binders) {
                Map<String, String> query = new HashMap<>();
                request.getParameterMap().forEach((name, values) -> query.put(name, values.length > 0 ? values[0] : null));
                String[] accept = request.getHeaderValues(HttpHeaders.ACCEPT);
                return new RollupParams(query, accept == null ? null : String.join(",", accept));
            }
        });
    }
}
