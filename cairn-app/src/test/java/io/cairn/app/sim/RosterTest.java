package io.cairn.app.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.engine.geo.GeoMath;
import io.cairn.veltrix.HuntFiles;
import io.cairn.veltrix.HuntSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RosterTest {
  private static final Path EXAMPLE = Path.of("..", "examples", "harbor-run.hunt.yaml");

  private static HuntSnapshot example() {
    return HuntFiles.read(EXAMPLE);
  }

  private static HuntSnapshot exampleWith(String from, String to) throws IOException {
    String text = Files.readString(EXAMPLE);
    assertThat(text).contains(from);
    return HuntFiles.compile("example", text.replace(from, to));
  }

  @Test
  void aboutAThirdPlayInSharedTeamsOfTwoToFour() {
    List<BotProfile> bots = Roster.of(example(), 60, new SplittableRandom(1));
    Map<String, Long> teams =
        bots.stream()
            .filter(b -> !b.team().isEmpty())
            .collect(Collectors.groupingBy(BotProfile::team, Collectors.counting()));
    assertThat(teams.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(20);
    assertThat(teams.values()).allSatisfy(size -> assertThat(size).isBetween(2L, 4L));
    assertThat(bots).extracting(BotProfile::name).doesNotHaveDuplicates();
  }

  @Test
  void keepsTeamsWithinTheHuntsMaxSize() throws IOException {
    HuntSnapshot pairs = exampleWith("max-size: 4", "max-size: 2");
    List<BotProfile> bots = Roster.of(pairs, 31, new SplittableRandom(2));
    Map<String, Long> teams =
        bots.stream()
            .filter(b -> !b.team().isEmpty())
            .collect(Collectors.groupingBy(BotProfile::team, Collectors.counting()));
    assertThat(teams).isNotEmpty();
    assertThat(teams.values()).allSatisfy(size -> assertThat(size).isEqualTo(2L));
    HuntSnapshot solo = exampleWith("max-size: 4", "max-size: 1");
    assertThat(Roster.of(solo, 10, new SplittableRandom(2)))
        .allSatisfy(b -> assertThat(b.team()).isEmpty());
  }

  @Test
  void walkAtAPlausibleSpeedBelowTheHuntsLimit() throws IOException {
    assertThat(Roster.of(example(), 100, new SplittableRandom(3)))
        .allSatisfy(b -> assertThat(b.speedMps()).isBetween(1.5, 6.0));
    HuntSnapshot slow =
        exampleWith("guesses-per-minute: 10", "guesses-per-minute: 10\n  max-speed-mps: 2");
    assertThat(Roster.of(slow, 100, new SplittableRandom(3)))
        .allSatisfy(b -> assertThat(b.speedMps()).isBetween(1.5, 1.6));
  }

  @Test
  void startNearTheTreasuresButNotOnThem() {
    HuntSnapshot hunt = example();
    double lat = hunt.treasure(0).lat();
    double lon = hunt.treasure(0).lon();
    assertThat(Roster.of(hunt, 100, new SplittableRandom(4)))
        .allSatisfy(
            b ->
                assertThat(GeoMath.distanceM(lat, lon, b.startLat(), b.startLon()))
                    .isBetween(40.0, 160.0));
  }

  @Test
  void theSameSeedMakesTheSamePlayers() {
    assertThat(Roster.of(example(), 30, new SplittableRandom(5)))
        .isEqualTo(Roster.of(example(), 30, new SplittableRandom(5)))
        .isNotEqualTo(Roster.of(example(), 30, new SplittableRandom(6)));
  }

  @Test
  void newcomersHaveNewNamesAndNeverJoinATeamOfTheFirstPlayers() {
    HuntSnapshot hunt = example();
    SplittableRandom random = new SplittableRandom(7);
    List<BotProfile> first = Roster.of(hunt, 30, Pace.DEMO, random, 0, 0);
    Roster newcomers = Roster.after(hunt, Pace.DEMO, first, 0);
    List<BotProfile> later = new java.util.ArrayList<>();
    for (int i = 0; i < 90; i++) {
      later.add(newcomers.next(random));
    }
    assertThat(later).extracting(BotProfile::index).startsWith(30, 31, 32);
    List<String> names = new java.util.ArrayList<>(first.stream().map(BotProfile::name).toList());
    names.addAll(later.stream().map(BotProfile::name).toList());
    assertThat(names).doesNotHaveDuplicates();
    Map<String, Long> teams =
        later.stream()
            .filter(b -> !b.team().isEmpty())
            .collect(Collectors.groupingBy(BotProfile::team, Collectors.counting()));
    assertThat(teams).isNotEmpty();
    assertThat(teams.keySet())
        .doesNotContainAnyElementsOf(first.stream().map(BotProfile::team).toList());
    assertThat(teams.values()).allSatisfy(size -> assertThat(size).isBetween(1L, 4L));
    assertThat(later)
        .allSatisfy(
            b ->
                assertThat(b.speedMps())
                    .isBetween(Pace.DEMO.minSpeedMps(), Pace.DEMO.maxSpeedMps()));
  }

  /** A resumed demo's hunt already has players and teams: new bots never reuse their names. */
  @Test
  void numbersPlayersAndTeamsAfterThoseAHuntAlreadyHas() {
    HuntSnapshot hunt = example();
    SplittableRandom random = new SplittableRandom(8);
    List<BotProfile> earlier = Roster.of(hunt, 40, Pace.DEMO, random, 0, 0);
    List<String> earlierTeams = earlier.stream().map(BotProfile::team).distinct().toList();
    List<BotProfile> later = Roster.of(hunt, 40, Pace.DEMO, random, 40, earlierTeams.size());
    assertThat(later.getFirst().index()).isEqualTo(40);
    assertThat(later.getFirst().name()).endsWith(" 41");
    assertThat(later)
        .allSatisfy(
            b -> {
              assertThat(earlier).extracting(BotProfile::name).doesNotContain(b.name());
              if (!b.team().isEmpty()) {
                assertThat(earlierTeams).doesNotContain(b.team());
              }
            });
    assertThat(Roster.after(hunt, Pace.DEMO, later, earlierTeams.size()).next(random).index())
        .isEqualTo(80);
  }
}
