package io.cairn.engine.command;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.agrona.ExpandableArrayBuffer;

public class CommandCodecPropertyTest {
  private final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(64);
  private final CommandEncoder encoder = new CommandEncoder();
  private final CommandDecoder decoder = new CommandDecoder();

  public static boolean wellFormed(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  @Property(tries = 500)
  void roundTripsAnyWellFormedStrings(
      @ForAll String huntId,
      @ForAll String name,
      @ForAll String team,
      @ForAll String token,
      @ForAll long timestampMs,
      @ForAll long requestId) {
    Assume.that(wellFormed(huntId) && wellFormed(name) && wellFormed(team) && wellFormed(token));
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

  @Property(tries = 200)
  void roundTripsAnyPosition(@ForAll double lat, @ForAll double lon) {
    int length = encoder.wrap(buffer, 0).header(1, 1, 1, 0, 0).move(lat, lon);

    assertThat(decoder.wrap(Op.MOVE, buffer, 0, length)).isTrue();
    assertThat(decoder.lat()).isEqualTo(lat);
    assertThat(decoder.lon()).isEqualTo(lon);
  }
}
