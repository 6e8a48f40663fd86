package io.voidvm.vm.bootvolume.app;

import io.voidvm.servicekit.sweep.PeriodicSweep;
import io.voidvm.servicekit.sweep.Sweeps;
import io.voidvm.vm.config.StorageClientProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Deletions of boot volumes of VMs that are gone, retried every {@code voidvm.vm.storage.sweep-interval}. */
@Configuration(proxyBeanMethods = false)
class BootVolumeSweeps {

    @Bean
    PeriodicSweep bootVolumeDeletionSweep(Sweeps sweeps, BootVolumeSweeper sweeper,
                                          StorageClientProperties storage) {
        return sweeps.every("boot-volume-deletions", storage.sweepInterval(), sweeper::sweep);
    }
}
