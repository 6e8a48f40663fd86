package io.voidvm.servicekit.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which problems and which security each operation gets, on hand-built documents. */
class VoidvmOpenApiCustomizerTest {

    private final VoidvmOpenApiCustomizer customizer = new VoidvmOpenApiCustomizer(List.of("/api/v1/system/**"));

    @Test
    void publicPathsAreMarkedOpenAndGetNo401() {
        OpenAPI doc = new OpenAPI().paths(new Paths()
                .addPathItem("/api/v1/system/version", new PathItem().get(new Operation()))
                .addPathItem("/api/v1/vms", new PathItem().get(new Operation())));

        customizer.customise(doc);

        Operation open = doc.getPaths().get("/api/v1/system/version").getGet();
        assertThat(open.getSecurity()).as("explicitly no token").isNotNull().isEmpty();
        assertThat(open.getResponses()).doesNotContainKeys("401", "403").containsKey("default");
        Operation closed = doc.getPaths().get("/api/v1/vms").getGet();
        assertThat(closed.getSecurity()).as("inherits the global bearer requirement").isNull();
        assertThat(closed.getResponses()).containsKeys("401", "403");
        assertThat(doc.getSecurity()).hasSize(1);
        assertThat(doc.getSecurity().getFirst()).containsKey(VoidvmOpenApiCustomizer.BEARER_SCHEME);
    }

    @Test
    void ifMatchBrings412AndAControllersOwnAnswerIsKept() {
        ApiResponse own = new ApiResponse().description("the controller's own 404");
        Operation put = new Operation()
                .addParametersItem(new Parameter().in("path").name("id"))
                .addParametersItem(new Parameter().in("header").name("If-Match"))
                .responses(new ApiResponses().addApiResponse("404", own));
        OpenAPI doc = new OpenAPI().paths(new Paths().addPathItem("/api/v1/vms/{id}", new PathItem().put(put)));

        customizer.customise(doc);

        assertThat(put.getResponses().get("404")).isSameAs(own);
        assertThat(put.getResponses()).containsKeys("400", "409", "412");
    }

    @Test
    void runningTwiceChangesNothing() {
        OpenAPI doc = new OpenAPI().paths(new Paths()
                .addPathItem("/api/v1/vms", new PathItem().post(new Operation())));
        customizer.customise(doc);
        String once = doc.toString();
        customizer.customise(doc);
        assertThat(doc.toString()).isEqualTo(once);
    }
}
