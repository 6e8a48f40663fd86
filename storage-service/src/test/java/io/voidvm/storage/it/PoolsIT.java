package io.voidvm.storage.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class PoolsIT extends StorageServiceIT {

    @Test
    void adminCreatesAPoolEveryoneSeesIt() {
        String node = newNode();
        Map<String, Object> pool = givenPool(node, 100, "1.5");
        assertThat(pool).containsEntry("type", "DIR").containsEntry("path", "pools/" + node)
                .containsEntry("nodeName", node).containsEntry("capacityGb", 100).containsEntry("usedGb", 0)
                .containsEntry("provisionableGb", 150);

        as(newTenant()).get().uri("/api/v1/storage/{id}", pool.get("id")).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.name").isEqualTo("pool-" + node);
        as(newTenant()).get().uri("/api/v1/storage?limit=200").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.items[?(@.name == 'pool-" + node + "')]").exists();
    }

    @Test
    void theConfiguredDefaultPoolIsSeededOnTheLocalNode() {
        as(newTenant()).get().uri("/api/v1/storage?limit=200").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items[?(@.name == 'default')].nodeName").isEqualTo(List.of("local"))
                .jsonPath("$.items[?(@.name == 'default')].path").isEqualTo(List.of("default"));
    }

    @Test
    void onlyAdminsCreatePools() {
        as(newTenant()).post().uri("/api/v1/storage").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "mine", "path", "mine", "nodeName", "n1", "capacityGb", 10))
                .exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void badPoolSettingsAreProblemsNamingTheField() {
        String node = newNode();
        Map<String, Map<String, Object>> cases = Map.of(
                "path", Map.of("name", "p-" + node, "path", "../etc", "nodeName", node, "capacityGb", 10),
                "nodeName", Map.of("name", "p-" + node, "path", "x", "nodeName", "Not_A_Node", "capacityGb", 10),
                "capacityGb", Map.of("name", "p-" + node, "path", "x", "nodeName", node, "capacityGb", 0),
                "overcommitRatio", Map.of("name", "p-" + node, "path", "x", "nodeName", node, "capacityGb", 10,
                        "overcommitRatio", 0.5),
                "type", Map.of("name", "p-" + node, "type", "CEPH", "path", "x", "nodeName", node, "capacityGb", 10),
                "name", Map.of("name", "Bad Name", "path", "x", "nodeName", node, "capacityGb", 10));
        cases.forEach((field, body) -> asAdmin().post().uri("/api/v1/storage").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo(field));
    }

    @Test
    void aNameOrADirectoryIsTakenOnce() {
        String node = newNode();
        givenPool(node, 10, "1.0");
        asAdmin().post().uri("/api/v1/storage").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "pool-" + node, "path", "elsewhere", "nodeName", node, "capacityGb", 10))
                .exchange()
                .expectStatus().isEqualTo(409);
        asAdmin().post().uri("/api/v1/storage").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "other-" + node, "path", "pools/" + node, "nodeName", node,
                        "capacityGb", 10))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("directory"));
    }

    @Test
    void anUnknownPoolIs404() {
        as(newTenant()).get().uri("/api/v1/storage/{id}", java.util.UUID.randomUUID()).exchange()
                .expectStatus().isNotFound();
        as(newTenant()).get().uri("/api/v1/storage/{id}/volumes", java.util.UUID.randomUUID()).exchange()
                .expectStatus().isNotFound();
    }
}
