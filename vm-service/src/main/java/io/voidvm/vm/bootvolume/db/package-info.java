/** Boot-volume deletions still owed to storage-service, kept in vm-service's database until they succeed. */
package io.voidvm.vm.bootvolume.db;
