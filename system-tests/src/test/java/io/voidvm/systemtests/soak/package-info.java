/**
 * The fault soak (issue 10): random API actions on the two-node shared platform while a node agent, the Kafka
 * broker and one service are killed and restarted at random; afterwards it checks that the platform healed and
 * prints the counts. Its own runner ({@code -Psoak}, docs/fault-soak.md), never part of the default suite.
 */
package io.voidvm.systemtests.soak;
