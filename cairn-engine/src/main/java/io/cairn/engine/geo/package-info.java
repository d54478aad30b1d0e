/** Distances on the sphere and the per-hunt spatial index that answers scans. */
package io.cairn.engine.geo;
