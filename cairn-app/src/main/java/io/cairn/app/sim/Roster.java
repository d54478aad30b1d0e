package io.cairn.app.sim;

import io.cairn.veltrix.HuntSnapshot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Makes up the players of a simulation from a seed: names, who plays in a shared team (about a
 * third, in teams of 2 to 4 within the hunt's {@code teams.max-size}), where each starts and how
 * fast each walks. An instance then makes up newcomers one at a time, who take the place of bots
 * that left ({@link #next}), with names and team names never used before.
 */
public final class Roster {
  /** Slowest walker of {@link Pace#SIMULATION}. */
  static final double MIN_SPEED_MPS = Pace.SIMULATION.minSpeedMps();

  /** Fastest jogger of {@link Pace#SIMULATION}, unless the hunt's limit is lower. */
  static final double MAX_SPEED_MPS = Pace.SIMULATION.maxSpeedMps();

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

  private final HuntSnapshot hunt;
  private final Pace pace;
  private final Area area;
  private int nextIndex;
  private int nextTeamNumber;
  private String openTeam = "";
  private int openTeamSlots;

  /** Newcomers numbered from {@code firstIndex}, their teams from {@code firstTeamNumber}. */
  private Roster(HuntSnapshot hunt, Pace pace, int firstIndex, int firstTeamNumber) {
    this.hunt = hunt;
    this.pace = pace;
    this.area = Area.of(hunt);
    this.nextIndex = firstIndex;
    this.nextTeamNumber = firstTeamNumber;
  }

  /** {@code count} players for {@code hunt} at the pace of {@code cairn simulate}. */
  public static List<BotProfile> of(HuntSnapshot hunt, int count, RandomGenerator random) {
    return of(hunt, count, Pace.SIMULATION, random, 0, 0);
  }

  /**
   * {@code count} players for {@code hunt}, the same ones for the same seed, numbered from {@code
   * firstIndex} and their shared teams from {@code firstTeamNumber}: a hunt that already has
   * players (a resumed demo) gets players and teams with names not used yet.
   */
  public static List<BotProfile> of(
      HuntSnapshot hunt,
      int count,
      Pace pace,
      RandomGenerator random,
      int firstIndex,
      int firstTeamNumber) {
    String[] teams = teams(count, maxTeamSize(hunt), firstTeamNumber, random);
    Area area = Area.of(hunt);
    List<BotProfile> profiles = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      profiles.add(profile(hunt, pace, area, firstIndex + i, teams[i], random));
    }
    return profiles;
  }

  /**
   * Makes up the newcomers who come after {@code first} (made with {@code firstTeamNumber}): their
   * numbers follow, and they never join one of its teams (a team that finished the hunt would be
   * finished for them too).
   */
  public static Roster after(
      HuntSnapshot hunt, Pace pace, List<BotProfile> first, int firstTeamNumber) {
    int teams =
        (int) first.stream().map(BotProfile::team).filter(t -> !t.isEmpty()).distinct().count();
    int nextIndex = first.isEmpty() ? 0 : first.getLast().index() + 1;
    return new Roster(hunt, pace, nextIndex, firstTeamNumber + teams);
  }

  /**
   * The next newcomer: two in three play alone; the others fill a new shared team of 2 to 4 (within
   * the hunt's team size), so shared teams keep forming as players come and go.
   */
  public synchronized BotProfile next(RandomGenerator random) {
    int maxSize = maxTeamSize(hunt);
    String team = "";
    if (openTeamSlots > 0) {
      team = openTeam;
      openTeamSlots--;
    } else if (maxSize >= 2 && random.nextInt(3) == 0) {
      openTeam = teamName(nextTeamNumber++);
      openTeamSlots = 1 + random.nextInt(maxSize - 1);
      team = openTeam;
    }
    return profile(hunt, pace, area, nextIndex++, team, random);
  }

  private static BotProfile profile(
      HuntSnapshot hunt, Pace pace, Area area, int index, String team, RandomGenerator random) {
    double maxSpeedMps = Math.min(pace.maxSpeedMps(), 0.8 * hunt.limits().maxSpeedMps());
    double minSpeedMps = Math.min(pace.minSpeedMps(), maxSpeedMps);
    double[] start = area.randomPoint(random, 0.3);
    return new BotProfile(
        index,
        NAMES[index % NAMES.length] + " " + (index + 1),
        team,
        start[0],
        start[1],
        minSpeedMps + (maxSpeedMps - minSpeedMps) * random.nextDouble(),
        0.2 + 0.4 * random.nextDouble());
  }

  private static int maxTeamSize(HuntSnapshot hunt) {
    return Math.min(4, hunt.teamMaxSize());
  }

  private static String teamName(int teamNumber) {
    String name = TEAMS[teamNumber % TEAMS.length];
    return teamNumber >= TEAMS.length ? name + " " + (teamNumber / TEAMS.length + 1) : name;
  }

  /** The team of each player: "" for a team of one, else a shared team's name. */
  private static String[] teams(
      int count, int maxSize, int firstTeamNumber, RandomGenerator random) {
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
    int teamNumber = firstTeamNumber;
    while (inTeams - next >= 2) {
      int size = Math.min(inTeams - next, 2 + random.nextInt(maxSize - 1));
      String name = teamName(teamNumber);
      for (int k = 0; k < size; k++) {
        teams[order[next++]] = name;
      }
      teamNumber++;
    }
    return teams;
  }
}
