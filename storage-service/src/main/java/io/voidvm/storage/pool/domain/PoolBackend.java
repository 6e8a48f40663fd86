package io.voidvm.storage.pool.domain;

import io.voidvm.contracts.DnsLabel;
import io.voidvm.contracts.RelativePath;
import io.voidvm.servicekit.problem.domain.InvalidRequestException;

/**
 * Where a pool keeps its volumes, with the settings its type needs. NFS (server, export) and Ceph RBD (monitors,
 * pool, secret reference) become records here; every {@code switch} over this interface then tells what to add.
 */
public sealed interface PoolBackend permits PoolBackend.Dir {

    PoolType type();

    /** The node whose agent holds the volumes' files. */
    String nodeName();

    /**
     * A directory {@code <agent pools root>/<path>} on one node.
     *
     * @param path     relative, plain segments, no {@code ..} (contracts' RelativePath rule)
     * @param nodeName the node (a DNS label, as in the node's command topic)
     */
    record Dir(String path, String nodeName) implements PoolBackend {

        public Dir {
            try {
                RelativePath.require(path, "path");
            } catch (NullPointerException | IllegalArgumentException e) {
                throw new InvalidRequestException("path",
                        "must be a relative path of plain segments (A-Z, a-z, 0-9, '.', '_', '-') without '..'");
            }
            if (!DnsLabel.isValid(nodeName)) {
                throw new InvalidRequestException("nodeName",
                        "must be a DNS label (1-63 of a-z, 0-9, '-', not starting or ending with '-')");
            }
        }

        @Override
        public PoolType type() {
            return PoolType.DIR;
        }
    }
}
