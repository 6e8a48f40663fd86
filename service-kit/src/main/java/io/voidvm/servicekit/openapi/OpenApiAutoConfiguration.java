package io.voidvm.servicekit.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;
import io.voidvm.servicekit.paging.domain.PageRequest;
import io.voidvm.servicekit.security.ResourceServerSecurityAutoConfiguration;
import io.voidvm.servicekit.security.VoidvmSecurityProperties;
import io.voidvm.servicekit.tenancy.domain.Caller;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springdoc.core.configuration.SpringDocConfiguration;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Shapes springdoc's document for every domain service. Runs before springdoc so its {@link OpenAPI} bean is the
 * base springdoc builds on; a service that declares its own keeps the customizers below.
 */
@AutoConfiguration(before = SpringDocConfiguration.class, after = ResourceServerSecurityAutoConfiguration.class)
@ConditionalOnClass(SpringDocConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnBooleanProperty(name = "springdoc.api-docs.enabled", matchIfMissing = true)
@EnableConfigurationProperties(VoidvmSecurityProperties.class)
public class OpenApiAutoConfiguration {

    public OpenApiAutoConfiguration() {
        // Both come from the token and the query string through service-kit's resolvers, not from a request body.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class, PageRequest.class);
    }

    @Bean
    @ConditionalOnMissingBean
    OpenAPI voidvmOpenApi(Environment environment, ObjectProvider<BuildProperties> build) {
        String service = environment.getProperty("spring.application.name", "voidvm-service");
        String version = build.stream().map(BuildProperties::getVersion).findFirst()
                .orElseGet(() -> environment.getProperty("spring.application.version", "unversioned"));
        return new OpenAPI()
                .info(new Info()
                        .title("voidVM " + service)
                        .version(version)
                        .description("REST API of the voidVM " + service + ". " + ApiDescription.SHARED_RULES)
                        .summary(service))
                // Relative on purpose: the same document is right on the service and behind the gateway, which
                // routes the very same /api/v1 paths.
                .servers(List.of(new Server().url("/").description("this service, or the gateway in front of it")));
    }

    @Bean
    VoidvmOpenApiCustomizer voidvmOpenApiCustomizer(VoidvmSecurityProperties security) {
        List<String> publicPaths = new ArrayList<>(ResourceServerSecurityAutoConfiguration.PUBLIC_PATHS);
        publicPaths.addAll(security.publicPaths());
        return new VoidvmOpenApiCustomizer(publicPaths);
    }

    /** The service's own title, tags and examples, when it declares an {@link ApiDescription} bean. */
    @Bean
    ApiDescriptionCustomizer voidvmApiDescriptionCustomizer(ObjectProvider<ApiDescription> description) {
        return new ApiDescriptionCustomizer(Optional.ofNullable(description.getIfAvailable()));
    }

    @Bean
    PagingParameters voidvmPagingParameters() {
        return new PagingParameters();
    }
}
