package io.voidvm.vm.lifecycle.app;

import io.voidvm.servicekit.sweep.PeriodicSweep;
import io.voidvm.servicekit.sweep.Sweeps;
import io.voidvm.vm.config.DeadlineProperties;
import io.voidvm.vm.config.VmProperties;
import io.voidvm.vm.operation.domain.OperationDeadlines;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Operation deadlines by action (ADR 0013) and the sweep that enforces them. */
@Configuration(proxyBeanMethods = false)
class DeadlineConfiguration {

    @Bean
    OperationDeadlines operationDeadlines(DeadlineProperties deadlines, VmProperties vm) {
        return of(deadlines, vm.defaultStopTimeout());
    }

    /** A graceful stop's deadline is the guest's power-down time before the node forces it, plus the stop's own. */
    static OperationDeadlines of(DeadlineProperties deadlines, Duration gracefulStopTimeout) {
        return new OperationDeadlines(deadlines.define(), deadlines.start(), deadlines.startFromImage(),
                gracefulStopTimeout.plus(deadlines.stop()), deadlines.forceStop(), deadlines.pause(),
                deadlines.resume(), deadlines.reset(), deadlines.reboot(), deadlines.delete());
    }

    @Bean
    PeriodicSweep operationDeadlineSweep(Sweeps sweeps, DeadlineSweep sweep, DeadlineProperties deadlines) {
        return sweeps.every("operation-deadlines", deadlines.checkInterval(), sweep::pass);
    }
}
