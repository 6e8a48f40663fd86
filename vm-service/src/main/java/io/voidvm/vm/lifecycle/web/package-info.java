/**
 * REST adapters of the VM lifecycle: {@code /api/v1/vms} (list, create, get, update, delete, power actions)
 * and the agents' {@code /internal/v1/nodes/{node}/desired-state}. Parses and answers; the use cases decide.
 */
package io.voidvm.vm.lifecycle.web;
