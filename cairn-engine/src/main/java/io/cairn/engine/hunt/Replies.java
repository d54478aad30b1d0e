package io.cairn.engine.hunt;

import io.cairn.engine.command.CommandDecoder;
import io.cairn.engine.egress.Egress;
import io.cairn.engine.egress.EgressHandler;
import io.cairn.engine.json.JsonWriter;

/**
 * Starts and ends the protocol's envelopes in the egress: replies {@code {"re":id,"ok":...}} and
 * events {@code {"ev":name,"seq":n,"at":ms,...}}. A reply is always written and then dropped at
 * {@link #end} when the command wants none (connection 0), which keeps callers free of branches.
 */
final class Replies {
  private Replies() {}

  /** Opens {@code {"re":id,"ok":true}}; add the result's members, then {@link #end}. */
  static JsonWriter ok(
      Egress egress, CommandDecoder command, int huntNumber, int teamIdx, int playerIdx) {
    JsonWriter json =
        egress.begin(EgressHandler.REPLY, command.connectionId(), huntNumber, teamIdx, playerIdx);
    return json.startObject().field("re", command.requestId()).field("ok", true);
  }

  /** Writes a whole {@code {"re":id,"ok":true}}. */
  static void okEmpty(Egress egress, CommandDecoder command, int huntNumber, int playerIdx) {
    ok(egress, command, huntNumber, -1, playerIdx);
    end(egress, command);
  }

  /** Opens an error reply; add extra members (retryAfterMs), then {@link #end}. */
  static JsonWriter error(
      Egress egress, CommandDecoder command, String code, CharSequence message) {
    JsonWriter json =
        egress.begin(
            EgressHandler.REPLY,
            command.connectionId(),
            command.huntNumber(),
            -1,
            command.playerIdx());
    json.startObject().field("re", command.requestId()).field("ok", false);
    return json.name("error")
        .startObject()
        .field("code", code)
        .field("message", message)
        .endObject();
  }

  /** Writes a whole error reply. */
  static void fail(Egress egress, CommandDecoder command, String code, CharSequence message) {
    error(egress, command, code, message);
    end(egress, command);
  }

  /** Closes the reply object and keeps it, unless the command wants no reply. */
  static void end(Egress egress, CommandDecoder command) {
    if (command.connectionId() == 0) {
      egress.abort();
      return;
    }
    egress.writer().endObject();
    egress.commit();
  }

  /** Opens an event of {@code kind} (hunt or team) with its name, seq and creation time. */
  static JsonWriter event(
      Egress egress, int kind, int huntNumber, int teamIdx, String name, long seq, long atMs) {
    JsonWriter json = egress.begin(kind, 0L, huntNumber, teamIdx, -1);
    return json.startObject().field("ev", name).field("seq", seq).field("at", atMs);
  }

  /** Closes and keeps an event. */
  static void endEvent(Egress egress) {
    egress.writer().endObject();
    egress.commit();
  }
}
