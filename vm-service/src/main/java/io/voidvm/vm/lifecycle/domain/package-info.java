/**
 * The VM aggregate and its lifecycle rules: desired vs observed state, the action × status state machine,
 * spec validation and the commands a change sends to the VM's node. Pure Java: no framework, no I/O.
 */
package io.voidvm.vm.lifecycle.domain;
