package io.voidvm.nodeagent.volume;

import java.io.IOException;
import java.io.InputStream;

/** Where image blobs come from (image-service); {@link HttpBlobSource} is the real one. */
public interface BlobSource {

    /**
     * Opens blob {@code sha256} from byte {@code offset} on. The source may ignore the offset and send the
     * whole blob; {@link Blob#startOffset()} says where the body really starts.
     *
     * @throws IOException when the blob cannot be fetched (the message names the status, never a token)
     */
    Blob open(String sha256, long offset) throws IOException;

    /** An open response body; closing it releases the connection. */
    record Blob(InputStream body, long startOffset) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            body.close();
        }
    }
}
