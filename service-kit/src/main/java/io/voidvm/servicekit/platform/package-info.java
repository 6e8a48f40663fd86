/**
 * Calls from one service to another as the platform: client-credentials tokens and WebClients that carry them.
 */
package io.voidvm.servicekit.platform;
