package io.voidvm.testsupport.keycloak;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Walks Keycloak's browser login for {@code voidvm-gateway} (authorization code + PKCE) the way a browser
 * would, without following the final redirect, so a test can see where the login form sends the user.
 * Cookies are kept by hand: Keycloak marks them {@code Secure}, which the JDK's CookieManager then withholds
 * over plain http even on loopback (browsers treat loopback as a secure context).
 */
final class BrowserLogin {

    static final String REDIRECT_URI = "http://127.0.0.1:8080/login/oauth2/code/keycloak";
    // RFC 7636 appendix B verifier/challenge pair; the code is never redeemed here
    private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
    private static final Pattern FORM_ACTION = Pattern.compile("action=\"([^\"]*login-actions/authenticate[^\"]*)\"");

    private final String issuerUri;

    BrowserLogin(String issuerUri) {
        this.issuerUri = issuerUri;
    }

    /** Submits the login form and returns the {@code Location} Keycloak answers with. */
    String submit(String username, String password) throws Exception {
        HttpClient browser = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        URI authorize = URI.create(issuerUri + "/protocol/openid-connect/auth?client_id=voidvm-gateway"
                + "&response_type=code&scope=openid&state=st&redirect_uri=" + encode(REDIRECT_URI)
                + "&code_challenge=" + CHALLENGE + "&code_challenge_method=S256");
        Map<String, String> cookies = new LinkedHashMap<>();
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(authorize).GET().build(),
                HttpResponse.BodyHandlers.ofString());
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
        HttpResponse<String> answer = browser.send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", cookies.entrySet().stream()
                                .map(c -> c.getKey() + "=" + c.getValue()).collect(Collectors.joining("; ")))
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        return answer.headers().firstValue("Location").orElse("(no redirect, HTTP " + answer.statusCode() + ")");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
