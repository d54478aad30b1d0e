/**
 * Simulated players: a {@link io.cairn.app.sim.Roster} makes them up from a seed, each {@link
 * io.cairn.app.sim.Bot} plays a running hunt through an engine session like a person with a phone,
 * and a {@link io.cairn.app.sim.Simulation} runs them all for a while, counting what happened in
 * {@link io.cairn.app.sim.SimulationStats}.
 */
package io.cairn.app.sim;
