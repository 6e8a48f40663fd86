package io.voidvm.image.importing.http;

import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.resolver.InetNameResolver;
import io.netty.resolver.InetSocketAddressResolver;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Promise;
import io.voidvm.image.importing.domain.AddressPolicy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Resolves host names for the import client and refuses them unless every address passes the policy; the
 * connection then goes to an address that was checked, never to a second lookup's answer.
 */
final class CheckingResolverGroup extends AddressResolverGroup<InetSocketAddress> {

    private final AddressPolicy policy;

    CheckingResolverGroup(AddressPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    @Override
    protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
        return new InetSocketAddressResolver(executor, new InetNameResolver(executor) {
            @Override
            protected void doResolve(String host, Promise<InetAddress> promise) {
                try {
                    promise.setSuccess(checked(host).getFirst());
                } catch (UnknownHostException e) {
                    promise.setFailure(e);
                }
            }

            @Override
            protected void doResolveAll(String host, Promise<List<InetAddress>> promise) {
                try {
                    promise.setSuccess(checked(host));
                } catch (UnknownHostException e) {
                    promise.setFailure(e);
                }
            }
        });
    }

    List<InetAddress> checked(String host) throws UnknownHostException {
        List<InetAddress> addresses = Arrays.asList(InetAddress.getAllByName(host));
        for (InetAddress address : addresses) {
            var refusal = policy.refusal(address);
            if (refusal.isPresent()) {
                throw new UnknownHostException("refused: " + refusal.get());
            }
        }
        return addresses;
    }
}
