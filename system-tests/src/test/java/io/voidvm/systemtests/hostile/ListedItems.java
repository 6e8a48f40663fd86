package io.voidvm.systemtests.hostile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the tenant sees through the API: for every list it may read (a GET whose answer has {@code items}), how many
 * items its first page holds. The client's view of "nothing was written", beside {@link TenantRows}'
 * view from the tables.
 */
public final class ListedItems {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RawHttp http;
    private final HostileWalk.Caller tenant;
    private final List<String> lists = new ArrayList<>();

    /** @param operations the walk's valid requests; the tenant's readable lists among them are kept */
    public ListedItems(RawHttp http, HostileWalk.Caller tenant, List<HostileCases.ValidRequest> operations) {
        this.http = Objects.requireNonNull(http, "http");
        this.tenant = Objects.requireNonNull(tenant, "tenant");
        for (HostileCases.ValidRequest operation : operations) {
            if (operation.method().equals("GET") && !operation.template().startsWith("/internal/")) {
                String target = operation.validTarget();
                if (count(target) >= 0) {
                    lists.add(target);
                }
            }
        }
    }

    /** Per list (its target), the number of items on its first page. */
    public Map<String, Integer> read() {
        Map<String, Integer> counts = new TreeMap<>();
        lists.forEach(list -> counts.put(list, count(list)));
        return counts;
    }

    /** The items on the first page, or -1 when the answer is no readable list. */
    private int count(String target) {
        RawHttp.Answer answer = http.send("GET", target, Map.of("Authorization", "Bearer " + tenant.token().get()),
                null);
        if (answer.status() != 200) {
            return -1;
        }
        try {
            JsonNode items = JSON.readTree(answer.body()).path("items");
            return items.isArray() ? items.size() : -1;
        } catch (RuntimeException notJson) {
            return -1;
        }
    }
}
