package io.voidvm.auth.users;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Keycloak's browser login for {@code voidvm-gateway} (code + PKCE) as a browser walks it, stopping at the answer
 * to the username/password form, so a test sees whether the login finished (a redirect with {@code code=}) or
 * Keycloak demands a required action first. Cookies are kept by hand: Keycloak marks them Secure, which the
 * JDK's cookie manager withholds over plain http on loopback.
 */
final class BrowserLogin {

    static final String REDIRECT_URI = "http://127.0.0.1:8080/login/oauth2/code/keycloak";
    // RFC 7636 appendix B challenge; the code is never redeemed
    private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
    private static final Pattern FORM_ACTION = Pattern.compile("action=\"([^\"]*login-actions/authenticate[^\"]*)\"");

    private final String issuerUri;

    BrowserLogin(String issuerUri) {
        this.issuerUri = issuerUri;
    }

    /** @return the {@code Location} Keycloak answers the login form with */
    String submit(String username, String password) throws Exception {
        HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
        URI authorize = URI.create(issuerUri + "/protocol/openid-connect/auth?client_id=voidvm-gateway"
                + "&response_type=code&scope=openid&state=st&redirect_uri=" + encode(REDIRECT_URI)
                + "&code_challenge=" + CHALLENGE + "&code_challenge_method=S256");
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(authorize).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        Map<String, String> cookies = new LinkedHashMap<>();
        page.headers().allValues("Set-Cookie").forEach(cookie -> {
            String pair = cookie.split(";", 2)[0];
            int equals = pair.indexOf('=');
            cookies.put(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
        });
        Matcher action = FORM_ACTION.matcher(page.body());
        if (page.statusCode() != 200 || !action.find()) {
            throw new IllegalStateException("no login form (HTTP " + page.statusCode() + ")");
        }
        String form = "username=" + encode(username) + "&password=" + encode(password) + "&credentialId=";
        HttpResponse<String> answer = browser.send(HttpRequest.newBuilder(
                                URI.create(action.group(1).replace("&amp;", "&")))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                                .collect(Collectors.joining("; ")))
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        return answer.headers().firstValue("Location").orElse("(no redirect, HTTP " + answer.statusCode() + ")");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
