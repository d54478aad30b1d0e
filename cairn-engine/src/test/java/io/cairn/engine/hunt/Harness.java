package io.cairn.engine.hunt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.engine.command.CommandEncoder;
import io.cairn.engine.command.Op;
import io.cairn.engine.egress.Egress;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Drives a {@link ShardState} the way the shard thread does: encodes a command, applies it, keeps
 * what would be journaled, and hands the test the reply and events parsed as JSON.
 */
final class Harness {
  static final long T0 = 1_800_000_000_000L;
  static final byte[] SECRET = "test-secret".getBytes(StandardCharsets.UTF_8);
  private static final ObjectMapper MAPPER = new ObjectMapper();

  record Message(
      int kind, long connectionId, int huntNumber, int teamIdx, int playerIdx, JsonNode json) {}

  record Result(boolean journaled, List<Message> messages) {
    /** The reply (the first message sent to a connection), or a missing node. */
    JsonNode reply() {
      for (Message m : messages) {
        if (m.kind() == io.cairn.engine.egress.EgressHandler.REPLY) {
          return m.json();
        }
      }
      return MAPPER.missingNode();
    }

    Message replyMessage() {
      for (Message m : messages) {
        if (m.kind() == io.cairn.engine.egress.EgressHandler.REPLY) {
          return m;
        }
      }
      throw new AssertionError("no reply in " + messages);
    }

    boolean ok() {
      return reply().path("ok").asBoolean(false);
    }

    String error() {
      return reply().path("error").path("code").asText("");
    }

    List<JsonNode> events(String name) {
      List<JsonNode> out = new ArrayList<>();
      for (Message m : messages) {
        if (name.equals(m.json().path("ev").asText(""))) {
          out.add(m.json());
        }
      }
      return out;
    }

    List<Message> eventMessages(String name) {
      List<Message> out = new ArrayList<>();
      for (Message m : messages) {
        if (name.equals(m.json().path("ev").asText(""))) {
          out.add(m);
        }
      }
      return out;
    }
  }

  /** A journaled command: what recovery would replay. */
  record Journaled(int op, byte[] bytes) {}

  final HuntDirectory directory = new HuntDirectory();
  final Egress egress = new Egress();
  final List<Journaled> journal = new ArrayList<>();
  private final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(1024);
  private final CommandEncoder encoder = new CommandEncoder();
  ShardState shard;
  long nowMs = T0;
  int huntNumber = 0;
  private long requestId = 1;

  Harness() {
    shard = new ShardState(new EngineContext(0, SECRET, directory));
  }

  CommandEncoder encode(int playerIdx) {
    return encoder.wrap(buffer, 0).header(nowMs, 1L, requestId++, huntNumber, playerIdx);
  }

  CommandEncoder encodeOrganiser() {
    return encoder.wrap(buffer, 0).header(nowMs, 1L, requestId++, -1, -1);
  }

  Result run(int op, int length) {
    boolean journaled = shard.apply(op, buffer, 0, length, egress);
    if (journaled) {
      byte[] bytes = new byte[length];
      buffer.getBytes(0, bytes);
      journal.add(new Journaled(op, bytes));
    }
    List<Message> messages = new ArrayList<>();
    egress.drainTo(
        0,
        (shardIndex, kind, connectionId, hunt, teamIdx, playerIdx, json, offset, len) -> {
          byte[] bytes = new byte[len];
          json.getBytes(offset, bytes);
          try {
            messages.add(
                new Message(kind, connectionId, hunt, teamIdx, playerIdx, MAPPER.readTree(bytes)));
          } catch (IOException e) {
            throw new AssertionError("not JSON: " + new String(bytes, StandardCharsets.UTF_8), e);
          }
        });
    return new Result(journaled, messages);
  }

  Result load(String yaml) {
    return run(Op.LOAD_HUNT, encodeOrganiser().loadHunt("test.hunt.yaml", yaml));
  }

  Result reload(String yaml, boolean force) {
    return run(Op.RELOAD_HUNT, encodeOrganiser().reloadHunt("test.hunt.yaml", yaml, force));
  }

  Result organiser(int op, String huntId) {
    return run(op, encodeOrganiser().lifecycle(huntId));
  }

  Result start() {
    return organiser(Op.START, "harbor-run");
  }

  Result announce(String message) {
    return run(Op.ANNOUNCE, encodeOrganiser().announce("harbor-run", message));
  }

  Result join(String hunt, String name, String team) {
    return run(
        Op.JOIN,
        encoder.wrap(buffer, 0).header(nowMs, 1L, requestId++, -1, -1).join(hunt, name, team, ""));
  }

  Result resume(String token) {
    return run(
        Op.JOIN,
        encoder.wrap(buffer, 0).header(nowMs, 1L, requestId++, -1, -1).join("", "", "", token));
  }

  /** Joins and returns the new player's index. */
  int player(String name, String team) {
    Result r = join("harbor-run", name, team);
    if (!r.ok()) {
      throw new AssertionError("join failed: " + r.reply());
    }
    return r.replyMessage().playerIdx();
  }

  Result state(int player) {
    return run(Op.STATE, encode(player).state());
  }

  Result move(int player, double lat, double lon) {
    return run(Op.MOVE, encode(player).move(lat, lon));
  }

  Result scan(int player) {
    return run(Op.SCAN, encode(player).scan());
  }

  Result guess(int player, String puzzle, String answer) {
    return run(Op.GUESS, encode(player).guess(puzzle, answer));
  }

  Result claim(int player, String treasure, String code) {
    return run(Op.CLAIM, encode(player).claim(treasure, code));
  }

  Result hint(int player, String puzzle) {
    return run(Op.HINT, encode(player).hint(puzzle));
  }

  Result board(int player, int limit) {
    return run(Op.BOARD, encode(player).board(limit));
  }

  /** Organiser: the hunt's top {@code limit}. */
  Result huntBoard(String huntId, int limit) {
    return run(Op.HUNT_BOARD, encodeOrganiser().huntBoard(huntId, limit));
  }

  Result ping() {
    return run(Op.PING, encode(-1).ping());
  }

  Result tick() {
    return run(Op.TICK, encodeOrganiser().tick());
  }

  void advanceMs(long ms) {
    nowMs += ms;
  }

  byte[] snapshot() {
    return snapshotOf(shard);
  }

  static byte[] snapshotOf(ShardState state) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      state.writeSnapshot(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** A fresh shard that re-applied this harness's journal, as recovery does. */
  ShardState replay() {
    ShardState replayed = new ShardState(new EngineContext(0, SECRET, new HuntDirectory()));
    Egress discard = new Egress();
    for (Journaled j : journal) {
      replayed.apply(j.op(), new UnsafeBuffer(j.bytes()), 0, j.bytes().length, discard);
      discard.clear();
    }
    return replayed;
  }
}
