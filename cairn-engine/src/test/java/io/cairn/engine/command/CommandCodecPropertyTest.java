package io.cairn.engine.command;

import static io.cairn.engine.RandomInputs.anyDouble;
import static io.cairn.engine.RandomInputs.anyLong;
import static io.cairn.engine.RandomInputs.anyString;
import static io.cairn.engine.RandomInputs.drawWhere;
import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.engine.RandomInputs;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Random commands survive encoding and decoding unchanged (seeds: {@link RandomInputs}). */
class CommandCodecPropertyTest {
  private final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(64);
  private final CommandEncoder encoder = new CommandEncoder();
  private final CommandDecoder decoder = new CommandDecoder();

  /** Seeds 1 to 500, one case each. */
  static LongStream stringSeeds() {
    return RandomInputs.seeds(500);
  }

  /** Seeds 1 to 200, one case each. */
  static LongStream positionSeeds() {
    return RandomInputs.seeds(200);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("stringSeeds")
  void roundTripsAnyWellFormedStrings(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    String huntId = drawWhere(() -> anyString(random, 255), RandomInputs::wellFormed);
    String name = drawWhere(() -> anyString(random, 255), RandomInputs::wellFormed);
    String team = drawWhere(() -> anyString(random, 255), RandomInputs::wellFormed);
    String token = drawWhere(() -> anyString(random, 255), RandomInputs::wellFormed);
    long timestampMs = anyLong(random);
    long requestId = anyLong(random);

    int length =
        encoder
            .wrap(buffer, 3)
            .header(timestampMs, 1, requestId, -1, -1)
            .join(huntId, name, team, token);

    assertThat(decoder.wrap(Op.JOIN, buffer, 3, length)).isTrue();
    assertThat(decoder.timestampMs()).isEqualTo(timestampMs);
    assertThat(decoder.requestId()).isEqualTo(requestId);
    assertThat(decoder.huntId().toString()).isEqualTo(huntId);
    assertThat(decoder.name().toString()).isEqualTo(name);
    assertThat(decoder.team().toString()).isEqualTo(team);
    assertThat(decoder.token().toString()).isEqualTo(token);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("positionSeeds")
  void roundTripsAnyPosition(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double lat = anyDouble(random);
    double lon = anyDouble(random);

    int length = encoder.wrap(buffer, 0).header(1, 1, 1, 0, 0).move(lat, lon);

    assertThat(decoder.wrap(Op.MOVE, buffer, 0, length)).isTrue();
    assertThat(decoder.lat()).isEqualTo(lat);
    assertThat(decoder.lon()).isEqualTo(lon);
  }
}
