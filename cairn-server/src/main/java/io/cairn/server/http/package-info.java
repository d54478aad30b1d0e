/**
 * The HTTP side of the server: health, catalog, metrics, admin API, OpenAPI document and static
 * files, each an {@link io.cairn.server.HttpRoute} the gateway's router offers requests to. None of
 * them is on the player hot path; they allocate freely but never block the event loop.
 */
package io.cairn.server.http;
