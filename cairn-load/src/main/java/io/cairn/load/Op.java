package io.cairn.load;

import java.util.Locale;

/** What a simulated player does; the scenario's {@code mix} weighs them. */
public enum Op {
  MOVE,
  SCAN,
  GUESS_RIGHT,
  GUESS_WRONG,
  CLAIM,
  BOARD;

  private static final Op[] ALL = values();

  /** The name in scenario files and reports: {@code guess-right}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  static Op of(int ordinal) {
    return ALL[ordinal];
  }

  /** The op named {@code key}, or null. */
  static Op byKey(String key) {
    for (Op op : ALL) {
      if (op.key().equals(key)) {
        return op;
      }
    }
    return null;
  }
}
