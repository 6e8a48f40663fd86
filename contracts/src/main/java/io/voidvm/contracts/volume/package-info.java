/**
 * Messages about volumes: storage-service asks a node agent to create, resize or delete a volume's file in a
 * storage pool on that node, and the agent reports the outcome. Keyed by volumeId, so one volume stays in order.
 */
package io.voidvm.contracts.volume;
