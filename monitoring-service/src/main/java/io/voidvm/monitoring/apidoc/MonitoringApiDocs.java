package io.voidvm.monitoring.apidoc;

import io.voidvm.servicekit.openapi.ApiDescription;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** monitoring-service's {@link ApiDescription}: the operations API's title, its tags, example bodies. */
@Configuration(proxyBeanMethods = false)
public class MonitoringApiDocs {

    public static final String DEAD_LETTERS = "Dead letters";

    @Bean
    ApiDescription monitoringApiDescription() {
        return ApiDescription.of("voidVM operations API (monitoring-service)", """
                        For operators: the records voidVM's Kafka consumers could not process (dead letters), \
                        to inspect and replay once the cause is fixed.

                        Every route needs the admin role.""",
                        ApiDescription.tag(DEAD_LETTERS, "Records consumers could not process, parked on"
                                + " `<topic>.dlt`: list, inspect, replay to the original topic. Admins only."))
                .withExample("POST /api/v1/dead-letters/{topic}/replays", """
                        {"partition":0,"fromOffset":12,"toOffset":14,"force":false}
                        """, """
                        {"topic":"voidvm.vm.events.dlt","originalTopic":"voidvm.vm.events","partition":0,
                         "replayed":[12,14],"alreadyReplayed":[13]}
                        """);
    }
}
