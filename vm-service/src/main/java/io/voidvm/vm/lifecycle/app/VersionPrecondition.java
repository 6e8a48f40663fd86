package io.voidvm.vm.lifecycle.app;

import io.voidvm.servicekit.problem.domain.PreconditionFailedException;
import io.voidvm.vm.lifecycle.domain.Vm;
import java.util.Set;

/**
 * An {@code If-Match} condition on a VM's version, checked against the locked row inside the transaction.
 *
 * @param anyVersion {@code If-Match: *} or no header at all
 * @param versions   the versions named by the header's entity tags
 */
public record VersionPrecondition(boolean anyVersion, Set<Long> versions) {

    public static final VersionPrecondition NONE = new VersionPrecondition(true, Set.of());

    public VersionPrecondition {
        versions = Set.copyOf(versions);
    }

    /** The strong entity tag of a VM version: {@code "<version>"} with the quotes. */
    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    void check(Vm vm) {
        if (!anyVersion && !versions.contains(vm.version())) {
            throw new PreconditionFailedException("the VM has changed since it was read (its ETag is now "
                    + etag(vm.version()) + "); read it again and repeat the request", etag(vm.version()));
        }
    }
}
