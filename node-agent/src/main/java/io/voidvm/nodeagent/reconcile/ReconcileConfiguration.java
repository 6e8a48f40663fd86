package io.voidvm.nodeagent.reconcile;

import io.voidvm.nodeagent.config.NodeAgentProperties;
import io.voidvm.nodeagent.runtime.VmRuntimes;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the reconciler; a {@link DesiredStateSource} bean, once someone provides one, plugs in the resync. */
@Configuration(proxyBeanMethods = false)
class ReconcileConfiguration {

    @Bean
    Reconciler reconciler(NodeAgentProperties node, VmRuntimes runtimes, ObjectProvider<DesiredStateSource> source,
            ReconcileProperties properties) {
        return new Reconciler(node.nodeName(), runtimes, source.getIfAvailable(DesiredStateSource::none), properties);
    }
}
