package io.voidvm.nodeagent.volume;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Blobs from image-service's internal endpoint {@code GET {base}/internal/v1/blobs/{sha256}}, as the platform
 * (bearer token of the platform client), resumed with {@code Range: bytes=<offset>-}.
 */
public final class HttpBlobSource implements BlobSource {

    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-\\d+/(\\d+|\\*)");

    private final RestClient http;
    private final AccessTokens tokens;

    public HttpBlobSource(URI imageServiceUrl, AccessTokens tokens, Duration connectTimeout, Duration readTimeout) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(client);
        factory.setReadTimeout(readTimeout);
        this.http = RestClient.builder().baseUrl(imageServiceUrl.toString()).requestFactory(factory).build();
        this.tokens = tokens;
    }

    @Override
    public Blob open(String sha256, long offset) throws IOException {
        String token;
        try {
            token = tokens.token();
        } catch (RuntimeException e) {
            throw new IOException("no platform token: " + e.getMessage(), e);
        }
        try {
            return http.get().uri("/internal/v1/blobs/{sha256}", sha256)
                    .headers(headers -> {
                        headers.setBearerAuth(token);
                        if (offset > 0) {
                            headers.set(HttpHeaders.RANGE, "bytes=" + offset + "-");
                        }
                    })
                    .exchange((request, response) -> blob(sha256, offset, response), false);
        } catch (RestClientException e) {
            throw new IOException("blob " + sha256 + ": " + e.getMessage(), e);
        }
    }

    private static Blob blob(String sha256, long offset, ClientHttpResponse response) throws IOException {
        HttpStatus status = HttpStatus.resolve(response.getStatusCode().value());
        if (status == HttpStatus.OK) {
            return new Blob(response.getBody(), 0);
        }
        if (status == HttpStatus.PARTIAL_CONTENT) {
            String range = response.getHeaders().getFirst(HttpHeaders.CONTENT_RANGE);
            Matcher matcher = range == null ? null : CONTENT_RANGE.matcher(range);
            if (matcher == null || !matcher.matches()) {
                response.close();
                throw new IOException("blob " + sha256 + ": 206 without a usable Content-Range (" + range + ")");
            }
            return new Blob(response.getBody(), Long.parseLong(matcher.group(1)));
        }
        int code = response.getStatusCode().value();
        response.close();
        if (code == HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE.value() && offset > 0) {
            // the partial file already holds every byte (the agent stopped before verifying): verify it now
            return new Blob(java.io.InputStream.nullInputStream(), offset);
        }
        throw new IOException("image-service answered " + code + " for blob " + sha256);
    }
}
