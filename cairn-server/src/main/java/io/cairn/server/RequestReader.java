package io.cairn.server;

import io.cairn.engine.command.CommandEncoder;
import io.cairn.engine.command.Op;
import io.netty.buffer.ByteBuf;

/**
 * Reads one request object straight from a frame's bytes into reusable fields: no tree, no String
 * of the frame, no String per argument (strings land in {@link StringBuilder}s that are reused, and
 * the encoder takes them as {@link CharSequence}). One instance per event loop thread; {@link
 * #read} resets it.
 *
 * <p>The reader is strict JSON for one object: anything else is a syntax error, which the caller
 * answers with BAD_REQUEST. Invalid UTF-8 inside strings is a syntax error too. Arguments of the
 * wrong type are not syntax errors: they are recorded ({@link #badArgument}) so the caller can
 * answer BAD_REQUEST with the id echoed.
 */
public final class RequestReader {
  /** Largest id the protocol allows (2^53). */
  public static final long MAX_ID = 1L << 53;

  private static final int MAX_DEPTH = 16;

  private ByteBuf buf;
  private int pos;
  private int end;

  private boolean hasId;
  private long id;
  private int op;
  private boolean hasOp;
  private String error;
  private String badArgument;

  private final StringBuilder key = new StringBuilder(16);
  private final StringBuilder opName = new StringBuilder(8);
  final StringBuilder hunt = new StringBuilder(32);
  final StringBuilder name = new StringBuilder(32);
  final StringBuilder team = new StringBuilder(32);
  final StringBuilder token = new StringBuilder(64);
  final StringBuilder puzzle = new StringBuilder(32);
  final StringBuilder answer = new StringBuilder(64);
  final StringBuilder treasure = new StringBuilder(32);
  final StringBuilder code = new StringBuilder(32);
  private final StringBuilder scratch = new StringBuilder(32);
  private final StringBuilder number = new StringBuilder(24);
  boolean hasHunt;
  boolean hasName;
  boolean hasTeam;
  boolean hasToken;
  boolean hasPuzzle;
  boolean hasAnswer;
  boolean hasTreasure;
  boolean hasCode;
  boolean hasLat;
  boolean hasLon;
  boolean hasLimit;
  double lat;
  double lon;
  long limit;

  /**
   * Parses the readable bytes of {@code frame} without moving its indexes. Returns true when the
   * frame is one syntactically valid JSON object; otherwise {@link #error()} says why.
   */
  public boolean read(ByteBuf frame) {
    reset();
    this.buf = frame;
    this.pos = frame.readerIndex();
    this.end = frame.writerIndex();
    try {
      skipWhitespace();
      readObject(true, 0);
      skipWhitespace();
      if (pos != end) {
        return fail("trailing characters after the JSON object");
      }
      if (hasOp) {
        op = opOf(opName);
      }
      return true;
    } catch (SyntaxError e) {
      return false;
    } finally {
      this.buf = null;
    }
  }

  private void reset() {
    hasId = false;
    id = 0;
    op = 0;
    hasOp = false;
    error = null;
    badArgument = null;
    hasHunt = hasName = hasTeam = hasToken = false;
    hasPuzzle = hasAnswer = hasTreasure = hasCode = false;
    hasLat = hasLon = hasLimit = false;
    lat = lon = 0;
    limit = 0;
    opName.setLength(0);
  }

  /**
   * The hunt a join goes to: its {@code hunt}, or for a join by token alone the token's part before
   * the first dot (kept in the hunt field, so {@link #encodeBody} sends it too).
   */
  public CharSequence joinHunt() {
    if (!hasHunt) {
      int dot = indexOf(token, '.');
      hunt.setLength(0);
      hunt.append(token, 0, dot < 0 ? token.length() : dot);
    }
    return hunt;
  }

  /**
   * Encodes the body of the command just read (its op known, its arguments checked) after the
   * header the caller wrote, and returns the command's length. For a join, call {@link #joinHunt}
   * first.
   */
  public int encodeBody(CommandEncoder e) {
    return switch (op) {
      case Op.JOIN -> e.join(hunt, hasName ? name : "", hasTeam ? team : "", hasToken ? token : "");
      case Op.STATE -> e.state();
      case Op.MOVE -> e.move(lat, lon);
      case Op.SCAN -> e.scan();
      case Op.GUESS -> e.guess(puzzle, answer);
      case Op.CLAIM -> e.claim(treasure, hasCode ? code : "");
      case Op.HINT -> e.hint(puzzle);
      case Op.BOARD -> e.board(hasLimit ? (int) limit : 0);
      default -> e.ping();
    };
  }

  private static int indexOf(CharSequence text, char c) {
    for (int i = 0, n = text.length(); i < n; i++) {
      if (text.charAt(i) == c) {
        return i;
      }
    }
    return -1;
  }

  /** Whether an id was read (even when the rest of the frame is broken). */
  public boolean hasId() {
    return hasId;
  }

  public long id() {
    return id;
  }

  public boolean hasOp() {
    return hasOp;
  }

  /** The op code, or 0 when the name is not a player op. */
  public int op() {
    return op;
  }

  /** Why the frame could not be read. */
  public String error() {
    return error;
  }

  /** The message for an argument of the wrong type, or null. */
  public String badArgument() {
    return badArgument;
  }

  public CharSequence hunt() {
    return hunt;
  }

  public CharSequence token() {
    return token;
  }

  static int opOf(CharSequence name) {
    return switch (name.length()) {
      case 4 ->
          eq(name, "join")
              ? Op.JOIN
              : eq(name, "move")
                  ? Op.MOVE
                  : eq(name, "scan")
                      ? Op.SCAN
                      : eq(name, "hint") ? Op.HINT : eq(name, "ping") ? Op.PING : 0;
      case 5 ->
          eq(name, "state")
              ? Op.STATE
              : eq(name, "guess")
                  ? Op.GUESS
                  : eq(name, "claim") ? Op.CLAIM : eq(name, "board") ? Op.BOARD : 0;
      default -> 0;
    };
  }

  private static boolean eq(CharSequence a, String b) {
    int n = b.length();
    if (a.length() != n) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (a.charAt(i) != b.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  // ------------------------------------------------------------------ grammar

  private void readObject(boolean top, int depth) {
    if (depth > MAX_DEPTH) {
      throw syntax("nesting too deep");
    }
    expect('{');
    skipWhitespace();
    if (peek() == '}') {
      pos++;
      return;
    }
    while (true) {
      skipWhitespace();
      StringBuilder k = top ? key : scratch;
      readString(k);
      skipWhitespace();
      expect(':');
      skipWhitespace();
      if (top) {
        readMember();
      } else {
        skipValue(depth + 1);
      }
      skipWhitespace();
      int c = next();
      if (c == '}') {
        return;
      }
      if (c != ',') {
        throw syntax("expected ',' or '}'");
      }
    }
  }

  private void readMember() {
    StringBuilder k = key;
    if (eq(k, "id")) {
      readId();
    } else if (eq(k, "op")) {
      if (peek() == '"') {
        readString(opName);
        hasOp = true;
      } else {
        skipValue(1);
        wrongType("op must be a string");
      }
    } else if (eq(k, "hunt")) {
      hasHunt = readStringArg(hunt, "hunt");
    } else if (eq(k, "name")) {
      hasName = readStringArg(name, "name");
    } else if (eq(k, "team")) {
      hasTeam = readStringArg(team, "team");
    } else if (eq(k, "token")) {
      hasToken = readStringArg(token, "token");
    } else if (eq(k, "puzzle")) {
      hasPuzzle = readStringArg(puzzle, "puzzle");
    } else if (eq(k, "answer")) {
      hasAnswer = readStringArg(answer, "answer");
    } else if (eq(k, "treasure")) {
      hasTreasure = readStringArg(treasure, "treasure");
    } else if (eq(k, "code")) {
      hasCode = readStringArg(code, "code");
    } else if (eq(k, "lat")) {
      if (isNumberStart(peek())) {
        lat = readDouble();
        hasLat = true;
      } else {
        skipNonNumber("lat must be a number");
      }
    } else if (eq(k, "lon")) {
      if (isNumberStart(peek())) {
        lon = readDouble();
        hasLon = true;
      } else {
        skipNonNumber("lon must be a number");
      }
    } else if (eq(k, "limit")) {
      if (isNumberStart(peek())) {
        double v = readDouble();
        if (v != Math.rint(v) || v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
          wrongType("limit must be an integer");
        } else {
          limit = (long) v;
          hasLimit = true;
        }
      } else {
        skipNonNumber("limit must be an integer");
      }
    } else {
      skipValue(1);
    }
  }

  private void skipNonNumber(String message) {
    boolean isNull = isNullAhead();
    skipValue(1);
    if (!isNull) {
      wrongType(message);
    }
  }

  private void readId() {
    int c = peek();
    if (c >= '0' && c <= '9') {
      int start = pos;
      long value = 0;
      boolean overflow = false;
      while (pos < end) {
        int d = buf.getByte(pos);
        if (d < '0' || d > '9') {
          break;
        }
        value = value * 10 + (d - '0');
        if (value > MAX_ID) {
          overflow = true;
          value = MAX_ID;
        }
        pos++;
      }
      if (pos - start > 1 && buf.getByte(start) == '0') {
        throw syntax("leading zero in a number");
      }
      int after = pos < end ? buf.getByte(pos) : -1;
      if (after == '.' || after == 'e' || after == 'E') {
        pos = start;
        skipValue(1);
        wrongType("id must be an integer 0..2^53");
        return;
      }
      if (overflow) {
        wrongType("id must be an integer 0..2^53");
        return;
      }
      id = value;
      hasId = true;
    } else {
      skipValue(1);
      wrongType("id must be an integer 0..2^53");
    }
  }

  /** Reads a string argument; null counts as absent. Returns whether a string was read. */
  private boolean readStringArg(StringBuilder into, String argName) {
    int c = peek();
    if (c == '"') {
      readString(into);
      return true;
    }
    boolean isNull = isNullAhead();
    skipValue(1);
    if (!isNull) {
      wrongType(argName + " must be a string");
    }
    return false;
  }

  private boolean isNullAhead() {
    return end - pos >= 4
        && buf.getByte(pos) == 'n'
        && buf.getByte(pos + 1) == 'u'
        && buf.getByte(pos + 2) == 'l'
        && buf.getByte(pos + 3) == 'l';
  }

  private void wrongType(String message) {
    if (badArgument == null) {
      badArgument = message;
    }
  }

  private void skipValue(int depth) {
    int c = peek();
    switch (c) {
      case '{' -> readObject(false, depth);
      case '[' -> skipArray(depth);
      case '"' -> readString(scratch);
      case 't' -> literal("true");
      case 'f' -> literal("false");
      case 'n' -> literal("null");
      default -> {
        if (isNumberStart(c)) {
          readDouble();
        } else {
          throw syntax("unexpected character");
        }
      }
    }
  }

  private void skipArray(int depth) {
    if (depth > MAX_DEPTH) {
      throw syntax("nesting too deep");
    }
    expect('[');
    skipWhitespace();
    if (peek() == ']') {
      pos++;
      return;
    }
    while (true) {
      skipWhitespace();
      skipValue(depth + 1);
      skipWhitespace();
      int c = next();
      if (c == ']') {
        return;
      }
      if (c != ',') {
        throw syntax("expected ',' or ']'");
      }
    }
  }

  private void literal(String word) {
    for (int i = 0; i < word.length(); i++) {
      if (next() != word.charAt(i)) {
        throw syntax("unexpected character");
      }
    }
  }

  private static boolean isNumberStart(int c) {
    return c == '-' || (c >= '0' && c <= '9');
  }

  /**
   * Reads a JSON number. Up to 18 significant digits with a small exponent are converted exactly
   * (Clinger's fast path); anything else falls back to {@link Double#parseDouble}, which allocates.
   */
  private double readDouble() {
    int start = pos;
    boolean negative = false;
    if (peek() == '-') {
      negative = true;
      pos++;
    }
    long mantissa = 0;
    int digits = 0;
    int scale = 0;
    int intStart = pos;
    while (pos < end && isDigit(buf.getByte(pos))) {
      mantissa = accumulate(mantissa, buf.getByte(pos), digits++);
      pos++;
    }
    int intDigits = pos - intStart;
    if (intDigits == 0) {
      throw syntax("malformed number");
    }
    if (intDigits > 1 && buf.getByte(intStart) == '0') {
      throw syntax("leading zero in a number");
    }
    if (pos < end && buf.getByte(pos) == '.') {
      pos++;
      int fracStart = pos;
      while (pos < end && isDigit(buf.getByte(pos))) {
        mantissa = accumulate(mantissa, buf.getByte(pos), digits++);
        scale++;
        pos++;
      }
      if (pos == fracStart) {
        throw syntax("malformed number");
      }
    }
    int exponent = 0;
    if (pos < end && (buf.getByte(pos) == 'e' || buf.getByte(pos) == 'E')) {
      pos++;
      boolean expNegative = false;
      if (pos < end && (buf.getByte(pos) == '+' || buf.getByte(pos) == '-')) {
        expNegative = buf.getByte(pos) == '-';
        pos++;
      }
      int expStart = pos;
      while (pos < end && isDigit(buf.getByte(pos))) {
        exponent = Math.min(exponent * 10 + (buf.getByte(pos) - '0'), 10_000);
        pos++;
      }
      if (pos == expStart) {
        throw syntax("malformed number");
      }
      if (expNegative) {
        exponent = -exponent;
      }
    }
    int power = exponent - scale;
    if (digits <= 15 && power >= -22 && power <= 22) {
      double value = mantissa;
      value = power < 0 ? value / POWERS[-power] : value * POWERS[power];
      return negative ? -value : value;
    }
    number.setLength(0);
    for (int i = start; i < pos; i++) {
      number.append((char) buf.getByte(i));
    }
    return Double.parseDouble(number.toString());
  }

  private static final double[] POWERS = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22
  };

  private static long accumulate(long mantissa, byte digit, int digits) {
    return digits < 18 ? mantissa * 10 + (digit - '0') : mantissa;
  }

  private static boolean isDigit(byte b) {
    return b >= '0' && b <= '9';
  }

  /** Reads a JSON string into {@code into}, decoding escapes and validating UTF-8. */
  private void readString(StringBuilder into) {
    expect('"');
    into.setLength(0);
    while (true) {
      if (pos >= end) {
        throw syntax("unterminated string");
      }
      int b = buf.getByte(pos++) & 0xFF;
      if (b == '"') {
        return;
      }
      if (b == '\\') {
        readEscape(into);
      } else if (b < 0x20) {
        throw syntax("control character in a string");
      } else if (b < 0x80) {
        into.append((char) b);
      } else {
        readUtf8(into, b);
      }
    }
  }

  private void readEscape(StringBuilder into) {
    int c = next();
    switch (c) {
      case '"' -> into.append('"');
      case '\\' -> into.append('\\');
      case '/' -> into.append('/');
      case 'b' -> into.append('\b');
      case 'f' -> into.append('\f');
      case 'n' -> into.append('\n');
      case 'r' -> into.append('\r');
      case 't' -> into.append('\t');
      case 'u' -> {
        int value = 0;
        for (int i = 0; i < 4; i++) {
          int h = Character.digit(next(), 16);
          if (h < 0) {
            throw syntax("malformed \\u escape");
          }
          value = value << 4 | h;
        }
        into.append((char) value);
      }
      default -> throw syntax("unknown escape");
    }
  }

  private void readUtf8(StringBuilder into, int b) {
    int cp;
    int more;
    int min;
    if (b >= 0xC2 && b <= 0xDF) {
      cp = b & 0x1F;
      more = 1;
      min = 0x80;
    } else if (b >= 0xE0 && b <= 0xEF) {
      cp = b & 0x0F;
      more = 2;
      min = 0x800;
    } else if (b >= 0xF0 && b <= 0xF4) {
      cp = b & 0x07;
      more = 3;
      min = 0x10000;
    } else {
      throw syntax("invalid UTF-8");
    }
    for (int i = 0; i < more; i++) {
      if (pos >= end) {
        throw syntax("invalid UTF-8");
      }
      int c = buf.getByte(pos++) & 0xFF;
      if ((c & 0xC0) != 0x80) {
        throw syntax("invalid UTF-8");
      }
      cp = cp << 6 | (c & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      throw syntax("invalid UTF-8");
    }
    into.appendCodePoint(cp);
  }

  private void skipWhitespace() {
    while (pos < end) {
      byte b = buf.getByte(pos);
      if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
        return;
      }
      pos++;
    }
  }

  private int peek() {
    return pos < end ? buf.getByte(pos) & 0xFF : -1;
  }

  private int next() {
    if (pos >= end) {
      throw syntax("unexpected end of the frame");
    }
    return buf.getByte(pos++) & 0xFF;
  }

  private void expect(int c) {
    if (next() != c) {
      throw syntax("expected '" + (char) c + "'");
    }
  }

  private boolean fail(String message) {
    error = message;
    return false;
  }

  private SyntaxError syntax(String message) {
    error = message;
    return SyntaxError.INSTANCE;
  }

  /** Preallocated, stackless: a malformed frame is an expected outcome, not a bug. */
  private static final class SyntaxError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private static final SyntaxError INSTANCE = new SyntaxError();

    private SyntaxError() {
      super(null, null, false, false);
    }
  }
}
