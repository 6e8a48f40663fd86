/**
 * The content-addressed blob store on a filesystem path: {@code <dir>/sha256/<aa>/<sha256>}, one file however
 * many images share it, written through temp files under {@code <dir>/tmp} and moved into place atomically.
 */
package io.voidvm.image.blob.store;
