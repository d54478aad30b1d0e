/** The network face of Cairn: Netty, the WebSocket player protocol and HTTP. */
package io.cairn.server;
