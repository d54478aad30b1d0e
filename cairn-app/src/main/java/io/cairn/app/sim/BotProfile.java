package io.cairn.app.sim;

/**
 * Who a bot is before it plays: fixed by the {@link Roster} from the seed.
 *
 * @param index the bot's number in the simulation, from 0
 * @param name the player name it joins with
 * @param team the shared team it joins, or "" to play as a team of one
 * @param startLat where it stands when it joins
 * @param startLon where it stands when it joins
 * @param speedMps its walking (or jogging) speed
 * @param skill the chance that its first guess of a puzzle is right, before hints and nudges
 */
public record BotProfile(
    int index,
    String name,
    String team,
    double startLat,
    double startLon,
    double speedMps,
    double skill) {}
