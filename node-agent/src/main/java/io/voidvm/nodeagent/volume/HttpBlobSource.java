package io.voidvm.nodeagent.volume;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Blobs from image-service's internal endpoint {@code GET {base}/internal/v1/blobs/{sha256}}, as the platform
 * (bearer token of the platform client), resumed with {@code Range: bytes=<offset>-}. The JDK client directly:
 * {@code responseTimeout} bounds the wait for the response's headers only, never the body, whose pace the
 * {@link ImageCache} watches ({@link TransferWatch}). (Spring's request factory turns its read timeout into a limit
 * on the whole exchange, which cut off any blob that took longer than it.)
 */
public final class HttpBlobSource implements BlobSource {

    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-\\d+/(\\d+|\\*)");

    private final HttpClient http;
    private final String blobsUrl;
    private final AccessTokens tokens;
    private final Duration responseTimeout;

    public HttpBlobSource(URI imageServiceUrl, AccessTokens tokens, Duration connectTimeout, Duration responseTimeout) {
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.blobsUrl = imageServiceUrl.toString().replaceAll("/+$", "") + "/internal/v1/blobs/";
        this.tokens = tokens;
        this.responseTimeout = responseTimeout;
    }

    /** {@code sha256} must already be checked as 64 hex digits (as {@link ImageCache#path} does). */
    @Override
    public Blob open(String sha256, long offset) throws IOException {
        String token;
        try {
            token = tokens.token();
        } catch (RuntimeException e) {
            throw new IOException("no platform token: " + e.getMessage(), e);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(blobsUrl + sha256)).timeout(responseTimeout)
                .header("Authorization", "Bearer " + token).GET();
        if (offset > 0) {
            request.header("Range", "bytes=" + offset + "-");
        }
        HttpResponse<InputStream> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("blob " + sha256 + ": interrupted", e);
        } catch (IOException e) {
            throw new IOException("blob " + sha256 + ": " + e, e);
        }
        return blob(sha256, offset, response);
    }

    private static Blob blob(String sha256, long offset, HttpResponse<InputStream> response) throws IOException {
        int status = response.statusCode();
        if (status == 200) {
            return new Blob(response.body(), 0);
        }
        if (status == 206) {
            String range = response.headers().firstValue("Content-Range").orElse(null);
            Matcher matcher = range == null ? null : CONTENT_RANGE.matcher(range);
            if (matcher == null || !matcher.matches()) {
                response.body().close();
                throw new IOException("blob " + sha256 + ": 206 without a usable Content-Range (" + range + ")");
            }
            return new Blob(response.body(), Long.parseLong(matcher.group(1)));
        }
        response.body().close();
        if (status == 416 && offset > 0) {
            // the partial file already holds every byte (the agent stopped before verifying): verify it now
            return new Blob(InputStream.nullInputStream(), offset);
        }
        throw new IOException("image-service answered " + status + " for blob " + sha256);
    }
}
