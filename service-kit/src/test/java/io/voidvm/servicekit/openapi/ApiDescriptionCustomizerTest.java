package io.voidvm.servicekit.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A service's {@link ApiDescription} shapes the finished document: info, tag order, Internal, examples. */
class ApiDescriptionCustomizerTest {

    private static final ApiDescription THINGS = ApiDescription.of("voidVM things API", "Things, and their parts.",
                    ApiDescription.tag("Things", "What a tenant owns."),
                    ApiDescription.tag("Parts", "What a thing is made of."))
            .withExample("POST /api/v1/things", "{\"name\":\"web-1\",\"size\":2}", "{\"id\":\"t-1\"}");

    @Test
    void infoAndTagsFollowTheDescriptionInItsOrderWithInternalLast() {
        OpenAPI document = document();
        document.setTags(new ArrayList<>(List.of(new Tag().name("Parts"), new Tag().name("gone-controller"))));

        new ApiDescriptionCustomizer(Optional.of(THINGS)).customise(document);

        assertThat(document.getInfo().getTitle()).isEqualTo("voidVM things API");
        assertThat(document.getInfo().getDescription()).startsWith("Things, and their parts.\n\n")
                .endsWith(ApiDescription.SHARED_RULES);
        assertThat(document.getTags()).extracting(Tag::getName)
                .containsExactly("Things", "Parts", ApiDescription.INTERNAL_TAG, "thing-controller");
        assertThat(document.getTags()).extracting(Tag::getDescription)
                .startsWith("What a tenant owns.", "What a thing is made of.")
                .last().as("an undeclared tag stays bare, for the document test to find").isNull();
        assertThat(document.getPaths().get("/internal/v1/things/{id}").getGet().getTags())
                .containsExactly(ApiDescription.INTERNAL_TAG);
    }

    @Test
    void examplesLandOnTheJsonRequestBodyAndTheSuccessAnswer() {
        OpenAPI document = document();

        new ApiDescriptionCustomizer(Optional.of(THINGS)).customise(document);

        Operation create = document.getPaths().get("/api/v1/things").getPost();
        assertThat(create.getRequestBody().getContent().get("application/json").getExample())
                .isEqualTo(Map.of("name", "web-1", "size", 2));
        assertThat(create.getResponses().get("201").getContent().get("application/json").getExample())
                .isEqualTo(Map.of("id", "t-1"));
    }

    @Test
    void withoutADescriptionOnlyInternalRoutesAreRetagged() {
        OpenAPI document = document();

        new ApiDescriptionCustomizer(Optional.empty()).customise(document);

        assertThat(document.getInfo().getTitle()).isEqualTo("voidVM things");
        assertThat(document.getTags()).extracting(Tag::getName)
                .containsExactly(ApiDescription.INTERNAL_TAG, "thing-controller");
    }

    private static OpenAPI document() {
        Operation create = new Operation().tags(new ArrayList<>(List.of("thing-controller")))
                .requestBody(new RequestBody().content(new Content().addMediaType("application/json",
                        new MediaType())))
                .responses(new ApiResponses().addApiResponse("201", new ApiResponse().content(new Content()
                        .addMediaType("application/json", new MediaType()))));
        Operation internal = new Operation().tags(new ArrayList<>(List.of("internal-thing-controller")));
        return new OpenAPI().info(new Info().title("voidVM things")).paths(new Paths()
                .addPathItem("/api/v1/things", new PathItem().post(create))
                .addPathItem("/internal/v1/things/{id}", new PathItem().get(internal)));
    }
}
