/**
 * WebSocket upgrades (live events, VM consoles): the browser sends its session cookie with them, and no CORS
 * preflight guards them, so the gateway checks their Origin itself.
 */
package io.voidvm.gateway.websocket;
