package io.cairn.veltrix;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Typed reading of single YAML nodes. Each method either returns the value or reports, at the
 * node's position, what was expected and what was found, and returns nothing.
 */
final class Values {
  private static final int MAX_SHOWN_CHARS = 40;

  private Values() {}

  /** Free text: a string, or a number written as text ({@code code: 7731}). */
  static Optional<String> text(Node node, String path, Problems problems) {
    if (node instanceof ScalarNode scalar
        && (scalar.getTag().equals(Tag.STR)
            || scalar.getTag().equals(Tag.INT)
            || scalar.getTag().equals(Tag.FLOAT))) {
      return Optional.of(scalar.getValue());
    }
    problems.at(node, path, "expected a string, found " + describe(node));
    return Optional.empty();
  }

  /** A string proper; {@code expected} says what kind, for the message. */
  static Optional<String> string(Node node, String path, Problems problems, String expected) {
    if (node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.STR)) {
      return Optional.of(scalar.getValue());
    }
    problems.at(node, path, "expected " + expected + ", found " + describe(node));
    return Optional.empty();
  }

  /** A duration in milliseconds ({@link Durations}), or 0 after reporting why not. */
  static long durationMs(Node node, String path, Problems problems) {
    Optional<String> text = string(node, path, problems, Durations.EXPECTED);
    if (text.isEmpty()) {
      return 0;
    }
    long ms = Durations.parseMs(text.get());
    if (ms < 0) {
      problems.at(
          node, path, "expected " + Durations.EXPECTED + ", found '" + shorten(text.get()) + "'");
      return 0;
    }
    return ms;
  }

  static OptionalInt integer(Node node, String path, Problems problems, int min) {
    String expected = "an integer >= " + min;
    if (!(node instanceof ScalarNode scalar) || !scalar.getTag().equals(Tag.INT)) {
      problems.at(node, path, "expected " + expected + ", found " + describe(node));
      return OptionalInt.empty();
    }
    BigInteger value = parseInteger(scalar.getValue());
    if (value.compareTo(BigInteger.valueOf(min)) < 0) {
      problems.at(node, path, "expected " + expected + ", found " + value);
      return OptionalInt.empty();
    }
    if (value.compareTo(BigInteger.valueOf(Integer.MAX_VALUE)) > 0) {
      problems.at(node, path, "expected an integer <= " + Integer.MAX_VALUE + ", found " + value);
      return OptionalInt.empty();
    }
    return OptionalInt.of(value.intValue());
  }

  static OptionalDouble number(Node node, String path, Problems problems, double min, double max) {
    String range =
        max == Double.MAX_VALUE
            ? "a number >= " + plain(min)
            : "a number between " + plain(min) + " and " + plain(max);
    if (!(node instanceof ScalarNode scalar)
        || !(scalar.getTag().equals(Tag.INT) || scalar.getTag().equals(Tag.FLOAT))) {
      problems.at(node, path, "expected " + range + ", found " + describe(node));
      return OptionalDouble.empty();
    }
    double value = parseNumber(scalar);
    if (!Double.isFinite(value) || value < min || value > max) {
      problems.at(node, path, "expected " + range + ", found " + scalar.getValue());
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(value);
  }

  static Optional<List<Node>> list(Node node, String path, Problems problems, String ofWhat) {
    if (node instanceof SequenceNode sequence) {
      return Optional.of(sequence.getValue());
    }
    problems.at(node, path, "expected a list of " + ofWhat + ", found " + describe(node));
    return Optional.empty();
  }

  /** What a node is, in words, with the value for scalars: "the string 'abc'", "a list". */
  static String describe(Node node) {
    if (node instanceof MappingNode) {
      return "a map";
    }
    if (node instanceof SequenceNode) {
      return "a list";
    }
    ScalarNode scalar = (ScalarNode) node;
    Tag tag = scalar.getTag();
    if (tag.equals(Tag.NULL)) {
      return "nothing (null)";
    }
    if (tag.equals(Tag.BOOL)) {
      return "the boolean " + scalar.getValue();
    }
    if (tag.equals(Tag.INT) || tag.equals(Tag.FLOAT)) {
      return "the number " + scalar.getValue();
    }
    if (tag.equals(Tag.STR)) {
      return "the string '" + shorten(scalar.getValue()) + "'";
    }
    return "a value tagged " + tag.getValue();
  }

  static String shorten(String s) {
    return s.length() <= MAX_SHOWN_CHARS ? s : s.substring(0, MAX_SHOWN_CHARS) + "...";
  }

  static String plain(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }

  /** YAML 1.2 core integers: decimal with an optional sign, {@code 0o} octal, {@code 0x} hex. */
  private static BigInteger parseInteger(String text) {
    if (text.startsWith("0x")) {
      return new BigInteger(text.substring(2), 16);
    }
    if (text.startsWith("0o")) {
      return new BigInteger(text.substring(2), 8);
    }
    return new BigInteger(text.startsWith("+") ? text.substring(1) : text);
  }

  private static double parseNumber(ScalarNode scalar) {
    if (scalar.getTag().equals(Tag.INT)) {
      return parseInteger(scalar.getValue()).doubleValue();
    }
    String text = scalar.getValue();
    if (text.toLowerCase(java.util.Locale.ROOT).contains(".inf")
        || text.toLowerCase(java.util.Locale.ROOT).contains(".nan")) {
      return Double.NaN;
    }
    return Double.parseDouble(text);
  }
}
