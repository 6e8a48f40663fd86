package io.voidvm.gateway;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser, as far as the login needs one: follows nothing by itself, keeps cookies per origin (by hand,
 * because the JDK's CookieManager withholds Keycloak's {@code Secure} cookies over plain http even on
 * loopback, which browsers treat as secure), and remembers every {@code Set-Cookie} line it got.
 */
final class BrowserSession {

    private static final Pattern FORM_ACTION = Pattern.compile("action=\"([^\"]*login-actions/authenticate[^\"]*)\"");

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final Map<String, Map<String, String>> cookiesByOrigin = new ConcurrentHashMap<>();
    private final Map<String, String> setCookieLines = new ConcurrentHashMap<>();

    HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        HttpRequest built = request.timeout(Duration.ofSeconds(30)).build();
        URI uri = built.uri();
        Map<String, String> jar = cookiesByOrigin.computeIfAbsent(origin(uri), o -> new LinkedHashMap<>());
        HttpRequest.Builder withCookies = HttpRequest.newBuilder(built, (name, value) -> true);
        if (!jar.isEmpty()) {
            withCookies.header("Cookie", jar.entrySet().stream()
                    .map(c -> c.getKey() + "=" + c.getValue()).collect(Collectors.joining("; ")));
        }
        try {
            HttpResponse<String> response = http.send(withCookies.build(), HttpResponse.BodyHandlers.ofString());
            for (String line : response.headers().allValues("Set-Cookie")) {
                String pair = line.split(";", 2)[0];
                int equals = pair.indexOf('=');
                String name = pair.substring(0, equals).strip();
                String value = pair.substring(equals + 1).strip();
                setCookieLines.put(name, line);
                if (value.isEmpty() || line.toLowerCase().contains("max-age=0")) {
                    jar.remove(name);
                } else {
                    jar.put(name, value);
                }
            }
            return response;
        } catch (IOException e) {
            throw new IllegalStateException("request to " + uri + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Submits Keycloak's login form found in {@code loginPage}. */
    HttpResponse<String> submitLogin(HttpResponse<String> loginPage, String username, String password) {
        Matcher action = FORM_ACTION.matcher(loginPage.body());
        if (loginPage.statusCode() != 200 || !action.find()) {
            throw new IllegalStateException("no Keycloak login form (HTTP " + loginPage.statusCode() + ")");
        }
        String form = "username=" + encode(username) + "&password=" + encode(password) + "&credentialId=";
        return send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    String cookie(String url, String name) {
        return cookiesByOrigin.getOrDefault(origin(URI.create(url)), Map.of()).get(name);
    }

    String setCookieLine(String name) {
        return setCookieLines.get(name);
    }

    static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location")
                .orElseThrow(() -> new AssertionError("no Location in HTTP " + response.statusCode()));
    }

    static Map<String, String> queryOf(String url) {
        String query = URI.create(url).getRawQuery();
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : query == null ? List.<String>of() : List.of(query.split("&"))) {
            int equals = pair.indexOf('=');
            params.put(pair.substring(0, equals),
                    java.net.URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    private static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
