/**
 * The engine's state machine: a shard's hunts and every protocol operation on them.
 *
 * <p>Decisions the protocol leaves open, as implemented here:
 *
 * <ul>
 *   <li>Replies and events are written by {@code ShardState.apply} into the shard's {@code Egress};
 *       error replies carry extra members (retryAfterMs, availableAtMs, distanceM, allowedM,
 *       status) beside {@code error}, at the top level of the reply.
 *   <li>A successful join reply is routed with the new player's and team's indexes, so the gateway
 *       can stamp them into the connection's later commands and route team events.
 *   <li>A player without a team gets a team of one named after them, made unique with {@code "
 *       #2"}, {@code " #3"}...; nobody else can join such a team (TEAM_FULL).
 *   <li>{@code startsAt} and {@code endsAt} are epoch milliseconds, or null when not set; once the
 *       hunt has started (or ended) they are the actual times.
 *   <li>A hint is refused (NO_HINT_AVAILABLE) for a locked or already solved puzzle, when none is
 *       left, before the hunt started, and before its {@code after}, with {@code availableAtMs}.
 *   <li>A claim spends a claim token before the distance and code are checked, so brute-forcing
 *       codes is rate limited; a claim with no position yet is TOO_FAR.
 *   <li>Organiser ops reply with codes of their own: INVALID_HUNT, HUNT_EXISTS, RELOAD_REFUSED,
 *       INVALID_TRANSITION, UNKNOWN_HUNT.
 *   <li>Board pushes are not state: after a restart the first tick pushes the board once more.
 * </ul>
 */
package io.cairn.engine.hunt;
