/**
 * The port to storage-service for VM boot volumes ({@link io.voidvm.vm.bootvolume.app.BootVolumes}) and the
 * sweeper that deletes the boot volumes of VMs that are gone, retrying while storage-service is down.
 */
package io.voidvm.vm.bootvolume.app;
