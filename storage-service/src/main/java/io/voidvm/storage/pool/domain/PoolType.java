package io.voidvm.storage.pool.domain;

/** The closed set of pool types. A new type is a constant here and a record in {@link PoolBackend}. */
public enum PoolType {
    /** A directory under the node agent's pools root, on one node. */
    DIR
}
