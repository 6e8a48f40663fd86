package io.voidvm.systemtests.hostile;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Sends every {@link HostileCases hostile case} of the operations it is given through the gateway, as the tenant
 * and, where the tenant is refused with 403 (an admin route), once more as the admin; judges each answer
 * ({@link AnswerCheck}) and, after every refused request, the tenant's rows in every service's tables
 * ({@link TenantRows}): a refusal must have written nothing. Collects every failure instead of stopping at the
 * first, and counts answers per service and per kind of case for the summary.
 */
public final class HostileWalk {

    /** Who calls: a name for the report and a bearer token. */
    public record Caller(String name, Supplier<String> token) {
    }

    /** One wrong answer, as the failure list shows it. */
    public record Failure(String service, HostileCase request, String caller, int status, String wrongs,
                          String snippet) {
        @Override
        public String toString() {
            String target = request.target().length() > 140
                    ? request.target().substring(0, 140) + "…(" + request.target().length() + " chars)"
                    : request.target();
            return request.method() + " " + target + " | " + request.kind() + " " + request.detail() + " | as "
                    + caller + " | " + status + " | " + wrongs + " | " + snippet;
        }
    }

    private static final int SNIPPET = 160;
    /** The status the report shows for a request that got no HTTP answer at all (connection closed or reset). */
    static final int NO_ANSWER = 999;
    private static final Duration QUIET = Duration.ofMillis(500);
    private static final Duration SETTLE_AT_MOST = Duration.ofSeconds(15);

    private final RawHttp http;
    private final Caller tenant;
    private final Caller admin;
    private final TenantRows rows;
    private final List<Failure> failures = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Map<String, Map<Integer, Integer>> byService = new LinkedHashMap<>();
    private final Map<String, Map<Integer, Integer>> byKind = new TreeMap<>();
    private final Map<String, Map<Integer, Integer>> byOperation = new LinkedHashMap<>();
    private String operation = "";
    private TenantRows.Snapshot before;
    private int requests;
    private int acceptedWrites;

    public HostileWalk(RawHttp http, Caller tenant, Caller admin, TenantRows rows) {
        this.http = Objects.requireNonNull(http, "http");
        this.tenant = Objects.requireNonNull(tenant, "tenant");
        this.admin = Objects.requireNonNull(admin, "admin");
        this.rows = Objects.requireNonNull(rows, "rows");
    }

    /** Starts counting from the tenant's rows as they are once what the set-up did has landed. */
    public void begin() {
        before = rows.settled(Duration.ofSeconds(1), Duration.ofSeconds(30));
    }

    /** Walks one operation: the valid request first for a GET (do the ids reach the handler?), then every case. */
    public void walk(String service, HostileCases.ValidRequest request) {
        if (before == null) {
            throw new IllegalStateException("begin() first");
        }
        operation = request.method() + " " + request.template();
        if (request.method().equals("GET") && !request.template().startsWith("/internal/")) {
            HostileCase baseline = HostileCases.baseline(request);
            RawHttp.Answer answer = run(service, baseline);
            if (answer.status() >= 300) {
                notes.add("the valid " + baseline.method() + " " + baseline.target() + " answered "
                        + answer.status() + " (its cases may not reach the handler): " + answer.snippet(SNIPPET));
            }
        }
        HostileCases.of(request).forEach(hostile -> run(service, hostile));
    }

    /** Sends cases that belong to no operation ({@link HostileCases#edge()}) as the tenant. */
    public void walkEdge(String name, List<HostileCase> cases) {
        operation = "edge requests";
        for (HostileCase hostile : cases) {
            RawHttp.Answer answer = send(name, tenant, hostile);
            judge(name, hostile, tenant.name(), answer);
        }
    }

    /** A note for the summary (a made-up id, a generated body). */
    public void note(String note) {
        notes.add(note);
    }

    public List<Failure> failures() {
        return List.copyOf(failures);
    }

    public int requests() {
        return requests;
    }

    /** How many requests other than GETs were answered with a success (then the tenant's data may differ). */
    public int acceptedWrites() {
        return acceptedWrites;
    }

    /**
     * Requests and answers per service, per kind of case and per operation, the notes, and the failures grouped by
     * what.
     */
    public String summary(Duration took) {
        StringBuilder text = new StringBuilder();
        text.append("hostile walk: ").append(requests).append(" requests in ").append(took.toMillis() / 1000.0)
                .append(" s, ").append(failures.size()).append(" failures\n");
        text.append("answers per service (status=count):\n");
        byService.forEach((service, statuses) -> text.append("  ").append(service).append(": ")
                .append(statuses.values().stream().mapToInt(Integer::intValue).sum()).append(" requests ")
                .append(statuses).append('\n'));
        text.append("answers per kind of case:\n");
        byKind.forEach((kind, statuses) -> text.append("  ").append(kind).append(": ").append(statuses).append('\n'));
        text.append("answers per operation:\n");
        byOperation.forEach((name, statuses) -> text.append("  ").append(name).append(": ")
                .append(statuses).append('\n'));
        if (!notes.isEmpty()) {
            text.append("notes:\n");
            notes.forEach(note -> text.append("  ").append(note).append('\n'));
        }
        Map<String, Integer> groups = new TreeMap<>();
        failures.forEach(failure -> groups.merge(failure.service() + " | " + failure.request().kind() + " | "
                + failure.status() + " | " + failure.wrongs().replaceAll("\\d+ rows.*", "rows…"), 1, Integer::sum));
        if (!groups.isEmpty()) {
            text.append("failures grouped (service | kind | status | what = count):\n");
            groups.forEach((group, count) -> text.append("  ").append(group).append(" = ").append(count).append('\n'));
        }
        return text.toString();
    }

    /** Sends the case as the tenant and, if that is refused with 403 (an admin route), as the admin; judges both. */
    private RawHttp.Answer run(String service, HostileCase hostile) {
        RawHttp.Answer answer = send(service, tenant, hostile);
        String caller = tenant.name();
        if (answer.status() == 403) {
            List<String> wrongs = AnswerCheck.wrongs(hostile, answer);
            if (!wrongs.isEmpty()) {
                failures.add(failure(service, hostile, caller, answer, wrongs));
            }
            answer = send(service, admin, hostile);
            caller = admin.name();
        }
        judge(service, hostile, caller, answer);
        return answer;
    }

    private void judge(String service, HostileCase request, String caller, RawHttp.Answer answer) {
        List<String> wrongs = new ArrayList<>(AnswerCheck.wrongs(request, answer));
        TenantRows.Snapshot after;
        if (answer.status() >= 400) {
            after = rows.read();
            List<String> written = after.changesSince(before);
            if (!written.isEmpty()) {
                wrongs.add("refused, yet wrote " + String.join("; ", written));
            }
        } else if (request.method().equals("GET")) {
            after = rows.read();
        } else {
            // accepted: let what it set off land, so that it is not blamed on the next request
            acceptedWrites++;
            after = rows.settled(QUIET, SETTLE_AT_MOST);
        }
        before = after;
        if (!wrongs.isEmpty()) {
            failures.add(failure(service, request, caller, answer, wrongs));
        }
    }

    private RawHttp.Answer send(String service, Caller caller, HostileCase request) {
        Map<String, String> headers = new HashMap<>(request.headers());
        headers.put("Authorization", "Bearer " + caller.token().get());
        requests++;
        RawHttp.Answer answer;
        try {
            answer = http.send(request.method(), request.target(), headers, request.body());
        } catch (UncheckedIOException noAnswer) {
            answer = new RawHttp.Answer(NO_ANSWER, Map.of(), String.valueOf(noAnswer.getCause()));
        }
        byService.computeIfAbsent(service, s -> new TreeMap<>()).merge(answer.status(), 1, Integer::sum);
        byKind.computeIfAbsent(request.kind(), k -> new TreeMap<>()).merge(answer.status(), 1, Integer::sum);
        byOperation.computeIfAbsent(operation, o -> new TreeMap<>()).merge(answer.status(), 1, Integer::sum);
        return answer;
    }

    private static Failure failure(String service, HostileCase request, String caller, RawHttp.Answer answer,
                                   List<String> wrongs) {
        return new Failure(service, request, caller, answer.status(), String.join("; ", wrongs),
                answer.snippet(SNIPPET));
    }
}
