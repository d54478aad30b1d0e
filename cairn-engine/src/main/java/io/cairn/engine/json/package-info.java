/** JSON written straight into buffers, for replies and events, without trees or Strings. */
package io.cairn.engine.json;
