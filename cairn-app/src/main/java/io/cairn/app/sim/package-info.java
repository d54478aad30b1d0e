/**
 * Simulated players: a {@link io.cairn.app.sim.Roster} makes them up from a seed, each {@link
 * io.cairn.app.sim.Bot} plays a running hunt through an engine session like a person with a phone,
 * at a {@link io.cairn.app.sim.Pace}, and a {@link io.cairn.app.sim.Simulation} runs them all for a
 * while ({@code cairn simulate}) or for good, newcomers taking the places of those who finished
 * ({@code cairn demo}), counting what happened in {@link io.cairn.app.sim.SimulationStats}.
 */
package io.cairn.app.sim;
