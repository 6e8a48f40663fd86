/** How boot-volume failures look to API clients: an unreachable storage-service is a 503 problem naming it. */
package io.voidvm.vm.bootvolume.web;
