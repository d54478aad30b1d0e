package io.cairn.app.sim;

import io.cairn.veltrix.HuntSnapshot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Makes up the players of a simulation from a seed: names, who plays in a shared team (about a
 * third, in teams of 2 to 4 within the hunt's {@code teams.max-size}), where each starts and how
 * fast each walks.
 */
public final class Roster {
  /** Slowest walker. */
  static final double MIN_SPEED_MPS = 1.5;

  /** Fastest jogger, unless the hunt's {@code limits.max-speed-mps} is lower. */
  static final double MAX_SPEED_MPS = 6.0;

  private static final String[] NAMES = {
    "Ada", "Bo", "Chen", "Dara", "Eli", "Femi", "Greta", "Hugo", "Ines", "Jon", "Kai", "Lena",
    "Milo", "Nora", "Omar", "Pia", "Quinn", "Rosa", "Sami", "Tove", "Uma", "Vik", "Wren", "Yara",
    "Zeno"
  };
  private static final String[] TEAMS = {
    "Gulls",
    "Anchors",
    "Lanterns",
    "Tides",
    "Compass",
    "Buoys",
    "Keels",
    "Herons",
    "Pilots",
    "Riggers",
    "Otters",
    "Beacons"
  };

  private Roster() {}

  /** {@code count} players for {@code hunt}, the same ones for the same seed. */
  public static List<BotProfile> of(HuntSnapshot hunt, int count, RandomGenerator random) {
    String[] teams = teams(count, Math.min(4, hunt.teamMaxSize()), random);
    Area area = Area.of(hunt);
    double maxSpeedMps = Math.min(MAX_SPEED_MPS, 0.8 * hunt.limits().maxSpeedMps());
    double minSpeedMps = Math.min(MIN_SPEED_MPS, maxSpeedMps);
    List<BotProfile> profiles = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      double[] start = area.randomPoint(random, 0.3);
      profiles.add(
          new BotProfile(
              i,
              NAMES[i % NAMES.length] + " " + (i + 1),
              teams[i],
              start[0],
              start[1],
              minSpeedMps + (maxSpeedMps - minSpeedMps) * random.nextDouble(),
              0.2 + 0.4 * random.nextDouble()));
    }
    return profiles;
  }

  /** The team of each player: "" for a team of one, else a shared team's name. */
  private static String[] teams(int count, int maxSize, RandomGenerator random) {
    String[] teams = new String[count];
    Arrays.fill(teams, "");
    if (maxSize < 2 || count < 2) {
      return teams;
    }
    int[] order = new int[count];
    for (int i = 0; i < count; i++) {
      order[i] = i;
    }
    for (int i = count - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    int inTeams = Math.max(2, count / 3);
    int next = 0;
    int teamNumber = 0;
    while (inTeams - next >= 2) {
      int size = Math.min(inTeams - next, 2 + random.nextInt(maxSize - 1));
      String name = TEAMS[teamNumber % TEAMS.length];
      if (teamNumber >= TEAMS.length) {
        name += " " + (teamNumber / TEAMS.length + 1);
      }
      for (int k = 0; k < size; k++) {
        teams[order[next++]] = name;
      }
      teamNumber++;
    }
    return teams;
  }
}
