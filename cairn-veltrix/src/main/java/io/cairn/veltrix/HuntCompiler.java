package io.cairn.veltrix;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Turns the node tree of a hunt file into a {@link HuntSnapshot}: reads every level, checks the
 * rules that span the file (unique ids, {@code requires}, times, rounds), and builds the snapshot
 * with dense indexes in file order only when no problem was found.
 */
final class HuntCompiler {
  static final double DEFAULT_SCAN_RADIUS_M = 100;
  static final int DEFAULT_MAX_PLAYERS = 20_000;
  static final int DEFAULT_TEAM_MAX_SIZE = 4;

  private final Problems problems;

  HuntCompiler(Problems problems) {
    this.problems = problems;
  }

  /** The snapshot, or a thrown {@link VeltrixException} listing every problem. */
  HuntSnapshot compile(Node root, String sourceName, String sourceText) {
    Optional<MapReader> opened =
        MapReader.open(root, "", problems, HuntKeys.ROOT, "a hunt (a map with id, title, ...)");
    if (opened.isEmpty()) {
      problems.throwIfAny();
    }
    MapReader r = opened.orElseThrow();
    String id = r.requiredId("id");
    String title = r.requiredText("title");
    String description = r.text("description", "");
    long startsAtMs = instant(r, "starts-at");
    long endsAtMs = instant(r, "ends-at");
    if (startsAtMs != HuntSnapshot.NO_TIME
        && endsAtMs != HuntSnapshot.NO_TIME
        && endsAtMs <= startsAtMs) {
      problems.at(
          r.get("ends-at").orElseThrow(),
          "ends-at",
          "expected an instant after starts-at, found one "
              + (endsAtMs == startsAtMs ? "equal to it" : "before it"));
    }
    double scanRadiusM = r.number("scan-radius-m", DEFAULT_SCAN_RADIUS_M, 0, Double.MAX_VALUE);
    int maxPlayers = r.integer("max-players", DEFAULT_MAX_PLAYERS, 1);
    int teamMaxSize =
        r.map("teams", HuntKeys.TEAMS, "a map with max-size")
            .map(t -> t.integer("max-size", DEFAULT_TEAM_MAX_SIZE, 1))
            .orElse(DEFAULT_TEAM_MAX_SIZE);
    Scoring scoring =
        r.map("scoring", HuntKeys.SCORING, "a map with first-claim-bonus and decay")
            .map(this::scoring)
            .orElse(Scoring.DEFAULT);
    Limits limits =
        r.map("limits", HuntKeys.LIMITS, "a map of limits")
            .map(this::limits)
            .orElse(Limits.DEFAULT);

    List<RoundDraft> rounds = new RoundReader(problems).read(r);
    List<PuzzleDraft> puzzles = puzzles(r);
    List<TreasureDraft> treasures = treasures(r);
    checkHintTimes(puzzles, startsAtMs, endsAtMs);
    RoundRules roundRules =
        new RoundRules(rounds, r.has("rounds"), uniqueIds(rounds, "round"), problems);
    roundRules.checkTimes(startsAtMs, endsAtMs);
    int[] puzzleRounds = roundRules.resolve(puzzles);
    int[] treasureRounds = roundRules.resolve(treasures);
    Map<String, Integer> puzzleIndexById = uniqueIds(puzzles, "puzzle");
    uniqueIds(treasures, "treasure");
    roundRules.checkRequires(puzzles, puzzleRounds, "puzzle", puzzleIndexById, puzzleRounds);
    roundRules.checkRequires(treasures, treasureRounds, "treasure", puzzleIndexById, puzzleRounds);
    RequiresGraph graph = new RequiresGraph(puzzleIndexById, problems);
    List<IntList> puzzleRequires = new ArrayList<>();
    for (PuzzleDraft p : puzzles) {
      puzzleRequires.add(graph.resolve(p.requires()));
    }
    List<IntList> treasureRequires = new ArrayList<>();
    for (TreasureDraft t : treasures) {
      treasureRequires.add(graph.resolve(t.requires()));
    }
    graph.reportCycles(puzzles, puzzleRequires);
    problems.throwIfAny();

    List<Puzzle> compiledPuzzles = new ArrayList<>();
    for (int i = 0; i < puzzles.size(); i++) {
      compiledPuzzles.add(puzzles.get(i).compile(i, puzzleRequires.get(i)));
    }
    List<Treasure> compiledTreasures = new ArrayList<>();
    for (int i = 0; i < treasures.size(); i++) {
      compiledTreasures.add(treasures.get(i).compile(i, treasureRequires.get(i)));
    }
    return new HuntSnapshot(
        id,
        title,
        description,
        startsAtMs,
        endsAtMs,
        scanRadiusM,
        maxPlayers,
        teamMaxSize,
        scoring,
        limits,
        compiledPuzzles,
        compiledTreasures,
        compileRounds(rounds, puzzleRounds, treasureRounds),
        puzzleRounds,
        treasureRounds,
        sourceName,
        sourceText);
  }

  private static List<Round> compileRounds(
      List<RoundDraft> rounds, int[] puzzleRounds, int[] treasureRounds) {
    List<Round> compiled = new ArrayList<>();
    for (int i = 0; i < rounds.size(); i++) {
      RoundDraft r = rounds.get(i);
      compiled.add(
          new Round(
              i,
              r.id(),
              r.title(),
              r.startsAfterMs(),
              membersOf(i, puzzleRounds),
              membersOf(i, treasureRounds)));
    }
    return compiled;
  }

  private static IntList membersOf(int round, int[] roundOf) {
    int count = 0;
    for (int r : roundOf) {
      count += r == round ? 1 : 0;
    }
    int[] members = new int[count];
    int next = 0;
    for (int i = 0; i < roundOf.length; i++) {
      if (roundOf[i] == round) {
        members[next++] = i;
      }
    }
    return IntList.of(members);
  }

  private long instant(MapReader r, String key) {
    Optional<Node> node = r.get(key);
    if (node.isEmpty()) {
      return HuntSnapshot.NO_TIME;
    }
    Optional<String> text = Values.string(node.get(), key, problems, Instants.EXPECTED);
    if (text.isEmpty()) {
      return HuntSnapshot.NO_TIME;
    }
    switch (Instants.check(text.get())) {
      case OK:
        return Instants.epochMsOrNoTime(text.get());
      case NO_OFFSET:
        problems.at(
            node.get(),
            key,
            "expected "
                + Instants.EXPECTED
                + ", found '"
                + Values.shorten(text.get())
                + "' without an offset (add Z for UTC or +01:00)");
        return HuntSnapshot.NO_TIME;
      default:
        problems.at(
            node.get(),
            key,
            "expected " + Instants.EXPECTED + ", found '" + Values.shorten(text.get()) + "'");
        return HuntSnapshot.NO_TIME;
    }
  }

  private Scoring scoring(MapReader s) {
    int firstClaimBonus = s.integer("first-claim-bonus", 0, 0);
    Optional<MapReader> decay =
        s.map("decay", HuntKeys.DECAY, "a map with kind, per-solve and minimum");
    if (decay.isEmpty()) {
      return new Scoring(firstClaimBonus, DecayKind.NONE, 0, 0);
    }
    MapReader d = decay.get();
    DecayKind kind = DecayKind.NONE;
    if (d.require("kind", "linear or log")) {
      Node kindNode = d.get("kind").orElseThrow();
      String kindText =
          Values.string(kindNode, d.pathOf("kind"), problems, "linear or log").orElse(null);
      if ("linear".equals(kindText)) {
        kind = DecayKind.LINEAR;
      } else if ("log".equals(kindText)) {
        kind = DecayKind.LOG;
      } else if (kindText != null) {
        problems.at(
            kindNode,
            d.pathOf("kind"),
            Suggestions.withSuggestion(
                "expected linear or log, found '" + Values.shorten(kindText) + "'",
                kindText,
                List.of("linear", "log")));
      }
    }
    int perSolve = d.requiredInteger("per-solve", 0);
    int minimum = d.integer("minimum", 0, 0);
    return new Scoring(firstClaimBonus, kind, perSolve, minimum);
  }

  private Limits limits(MapReader l) {
    Limits d = Limits.DEFAULT;
    return new Limits(
        l.integer("guesses-per-minute", d.guessesPerMinute(), 0),
        l.integer("claims-per-minute", d.claimsPerMinute(), 0),
        l.number("max-speed-mps", d.maxSpeedMps(), 0, Double.MAX_VALUE),
        l.number("move-tolerance-m", d.moveToleranceM(), 0, Double.MAX_VALUE));
  }

  private List<PuzzleDraft> puzzles(MapReader r) {
    PuzzleReader reader = new PuzzleReader(problems);
    List<Node> items = r.list("puzzles", "puzzles (maps)");
    List<PuzzleDraft> puzzles = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      reader.read(items.get(i), "puzzles[" + i + "]").ifPresent(puzzles::add);
    }
    return puzzles;
  }

  private List<TreasureDraft> treasures(MapReader r) {
    TreasureReader reader = new TreasureReader(problems);
    List<Node> items = r.list("treasures", "treasures (maps)");
    List<TreasureDraft> treasures = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      reader.read(items.get(i), "treasures[" + i + "]").ifPresent(treasures::add);
    }
    return treasures;
  }

  private void checkHintTimes(List<PuzzleDraft> puzzles, long startsAtMs, long endsAtMs) {
    if (startsAtMs == HuntSnapshot.NO_TIME
        || endsAtMs == HuntSnapshot.NO_TIME
        || endsAtMs <= startsAtMs) {
      return;
    }
    long lengthMs = endsAtMs - startsAtMs;
    for (PuzzleDraft p : puzzles) {
      for (PuzzleDraft.HintDraft h : p.hints()) {
        if (h.hint().afterMs() > lengthMs) {
          problems.at(
              h.afterNode(),
              h.afterPath(),
              "expected a time within the hunt's length of "
                  + Durations.format(lengthMs)
                  + " (starts-at to ends-at), found "
                  + Durations.format(h.hint().afterMs()));
        }
      }
    }
  }

  private Map<String, Integer> uniqueIds(List<? extends Identified> drafts, String kind) {
    Map<String, Integer> indexById = new HashMap<>();
    for (int i = 0; i < drafts.size(); i++) {
      Identified draft = drafts.get(i);
      if (draft.id().isEmpty()) {
        continue;
      }
      Integer first = indexById.putIfAbsent(draft.id(), i);
      if (first != null) {
        problems.at(
            draft.idNode(),
            draft.path() + ".id",
            "duplicate "
                + kind
                + " id '"
                + draft.id()
                + "' (first used at line "
                + MapReader.lineOf(drafts.get(first).idNode())
                + ")");
      }
    }
    return indexById;
  }
}
