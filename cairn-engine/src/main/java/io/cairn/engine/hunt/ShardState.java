package io.cairn.engine.hunt;

import io.cairn.engine.command.CommandDecoder;
import io.cairn.engine.command.CommandLayout;
import io.cairn.engine.command.Op;
import io.cairn.engine.egress.Egress;
import io.cairn.engine.json.JsonWriter;
import io.cairn.veltrix.HuntDiff;
import io.cairn.veltrix.HuntFiles;
import io.cairn.veltrix.HuntSnapshot;
import io.cairn.veltrix.ReloadChange;
import io.cairn.veltrix.ReloadPlan;
import io.cairn.veltrix.VeltrixException;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.agrona.DirectBuffer;
import org.agrona.collections.Object2IntHashMap;

/**
 * Everything one shard owns: its hunts, numbered in load order, and the code that applies commands
 * to them. Single-threaded by design (the shard thread is the only writer), deterministic (the only
 * inputs are the commands and the time stamped in them), so replaying the journaled commands
 * rebuilds the same state bit for bit.
 *
 * <p>Each hunt keeps its own time, {@code max(lastTime, timestampMs)}, which is stored only when a
 * command is journaled: the state depends on journaled commands alone, never on the read-only ones
 * in between.
 */
public final class ShardState {
  private static final int SNAPSHOT_MAGIC = 0x4361_6972; // "Cair"

  /** 2 added the open rounds of each hunt; version 1 snapshots are still read. */
  private static final int SNAPSHOT_VERSION = 2;

  private final EngineContext context;
  private final PlayerTokens tokens;
  private final CommandDecoder decoder = new CommandDecoder();
  private final List<HuntState> hunts = new ArrayList<>();
  private final Object2IntHashMap<String> huntsById = new Object2IntHashMap<>(-1);

  public ShardState(EngineContext context) {
    this.context = context;
    this.tokens = new PlayerTokens(context.tokenSecret());
  }

  /**
   * Applies one command (time already stamped in it). Appends replies/events to egress. Returns
   * true when the command changed state and must be journaled (replay re-applies exactly those).
   */
  public boolean apply(int op, DirectBuffer buffer, int offset, int length, Egress egress) {
    if (!decoder.wrap(op, buffer, offset, length)) {
      if (length >= CommandLayout.HEADER_LENGTH) {
        if (Op.isKnown(op)) {
          Replies.fail(egress, decoder, ErrorCode.BAD_REQUEST, "malformed command");
        } else {
          Replies.fail(egress, decoder, ErrorCode.UNKNOWN_OP, "unknown op");
        }
      }
      return false;
    }
    return switch (op) {
      case Op.PING -> {
        Replies.okEmpty(egress, decoder, decoder.huntNumber(), decoder.playerIdx());
        yield false;
      }
      case Op.TICK -> tick(egress);
      case Op.JOIN -> join(egress);
      case Op.LOAD_HUNT -> loadHunt(egress);
      case Op.RELOAD_HUNT -> reloadHunt(egress);
      case Op.START, Op.PAUSE, Op.RESUME, Op.END -> lifecycle(op, egress);
      case Op.ANNOUNCE -> announce(egress);
      case Op.HUNT_BOARD -> {
        huntBoard(egress);
        yield false;
      }
      case Op.HUNT_MAP -> {
        huntMap(egress);
        yield false;
      }
      default -> playerOp(op, egress);
    };
  }

  /** How many hunts this shard runs. */
  public int huntCount() {
    return hunts.size();
  }

  /** The hunt number of {@code huntId} on this shard, or -1. */
  public int huntNumber(String huntId) {
    return huntsById.getValue(huntId);
  }

  HuntState hunt(int huntNumber) {
    return hunts.get(huntNumber);
  }

  private HuntState huntAt(int huntNumber) {
    return huntNumber >= 0 && huntNumber < hunts.size() ? hunts.get(huntNumber) : null;
  }

  /** The hunt a command names: by number when it carries one, else by its hunt id string. */
  private HuntState resolveHunt() {
    if (decoder.huntNumber() >= 0) {
      return huntAt(decoder.huntNumber());
    }
    return huntAt(huntsById.getValue(decoder.huntId().toString()));
  }

  private static long timeFor(HuntState hunt, long timestampMs) {
    return Math.max(hunt.lastTimeMs, timestampMs);
  }

  private boolean playerOp(int op, Egress egress) {
    HuntState hunt = huntAt(decoder.huntNumber());
    int player = decoder.playerIdx();
    if (hunt == null || player < 0 || player >= hunt.players.count()) {
      Replies.fail(egress, decoder, ErrorCode.NOT_JOINED, "join a hunt first");
      return false;
    }
    long nowMs = timeFor(hunt, decoder.timestampMs());
    boolean changed = hunt.advance(nowMs, decoder.timestampMs(), egress);
    switch (op) {
      case Op.STATE -> hunt.views.state(decoder, player, egress);
      case Op.MOVE -> changed |= hunt.move(decoder, player, nowMs, egress);
      case Op.SCAN -> hunt.views.scan(decoder, player, egress);
      case Op.GUESS -> changed |= hunt.points.guess(decoder, player, nowMs, egress);
      case Op.CLAIM -> changed |= hunt.points.claim(decoder, player, nowMs, egress);
      case Op.HINT -> changed |= hunt.points.hint(decoder, player, nowMs, egress);
      case Op.BOARD -> hunt.views.board(decoder, player, egress);
      default -> throw new IllegalStateException("not a player op " + op);
    }
    if (changed) {
      hunt.commit(nowMs);
    }
    return changed;
  }

  private boolean tick(Egress egress) {
    boolean changed = false;
    long timestampMs = decoder.timestampMs();
    for (int i = 0, n = hunts.size(); i < n; i++) {
      HuntState hunt = hunts.get(i);
      long nowMs = timeFor(hunt, timestampMs);
      if (hunt.advance(nowMs, timestampMs, egress)) {
        hunt.commit(nowMs);
        changed = true;
      }
      hunt.views.pushBoardIfChanged(timestampMs, egress);
    }
    return changed;
  }

  private boolean join(Egress egress) {
    boolean resume = !decoder.token().isEmpty();
    HuntState hunt;
    int player = -1;
    if (resume) {
      hunt = huntAt(huntsById.getValue(PlayerTokens.huntIdOf(decoder.token())));
      player = tokens.verify(decoder.token());
      if (hunt == null || player < 0 || player >= hunt.players.count()) {
        Replies.fail(egress, decoder, ErrorCode.BAD_TOKEN, "this token was not issued here");
        return false;
      }
    } else {
      if (decoder.huntNumber() < 0 && decoder.huntId().isEmpty()) {
        Replies.fail(egress, decoder, ErrorCode.BAD_REQUEST, "hunt is required");
        return false;
      }
      hunt = resolveHunt();
      if (hunt == null) {
        Replies.fail(egress, decoder, ErrorCode.UNKNOWN_HUNT, "no such hunt");
        return false;
      }
    }
    long nowMs = timeFor(hunt, decoder.timestampMs());
    boolean changed = hunt.advance(nowMs, decoder.timestampMs(), egress);
    if (resume) {
      hunt.resume(decoder, egress, tokens, player);
    } else {
      changed |= hunt.join(decoder, egress, tokens);
    }
    if (changed) {
      hunt.commit(nowMs);
    }
    return changed;
  }

  private HuntSnapshot compileOrFail(Egress egress) {
    try {
      return HuntFiles.compile(decoder.sourceName().toString(), decoder.sourceText().toString());
    } catch (VeltrixException e) {
      Replies.fail(egress, decoder, ErrorCode.INVALID_HUNT, e.getMessage());
      return null;
    }
  }

  private boolean loadHunt(Egress egress) {
    HuntSnapshot snapshot = compileOrFail(egress);
    if (snapshot == null) {
      return false;
    }
    if (huntsById.containsKey(snapshot.id())) {
      Replies.fail(egress, decoder, ErrorCode.HUNT_EXISTS, "a hunt with this id is already loaded");
      return false;
    }
    HuntState hunt = addHunt(snapshot);
    long nowMs = decoder.timestampMs();
    hunt.advance(nowMs, nowMs, egress);
    hunt.commit(nowMs);
    hunt.publish();
    Replies.ok(egress, decoder, hunt.huntNumber, -1, -1)
        .field("hunt", snapshot.id())
        .field("huntNumber", hunt.huntNumber)
        .field("status", HuntStatus.name(hunt.status));
    Replies.end(egress, decoder);
    return true;
  }

  private HuntState addHunt(HuntSnapshot snapshot) {
    int number = hunts.size();
    HuntView view = new HuntView(snapshot.id(), context.shardIndex(), number, snapshot);
    HuntState hunt = new HuntState(number, snapshot, view);
    hunts.add(hunt);
    huntsById.put(snapshot.id(), number);
    context.directory().put(view);
    return hunt;
  }

  private boolean reloadHunt(Egress egress) {
    HuntSnapshot next = compileOrFail(egress);
    if (next == null) {
      return false;
    }
    HuntState hunt = huntAt(huntsById.getValue(next.id()));
    if (hunt == null) {
      Replies.fail(egress, decoder, ErrorCode.UNKNOWN_HUNT, "no such hunt to reload");
      return false;
    }
    long nowMs = timeFor(hunt, decoder.timestampMs());
    boolean changed = hunt.advance(nowMs, decoder.timestampMs(), egress);
    ReloadPlan plan =
        HuntDiff.plan(hunt.snapshot, next, hunt.status != HuntStatus.SCHEDULED, hunt.progress());
    if (!plan.allowed(decoder.force())) {
      Replies.fail(egress, decoder, ErrorCode.RELOAD_REFUSED, plan.explanation());
      if (changed) {
        hunt.commit(nowMs);
      }
      return changed;
    }
    hunt.reload(next, nowMs, decoder.timestampMs(), egress);
    hunt.advance(nowMs, decoder.timestampMs(), egress);
    hunt.huntEvent(decoder.timestampMs(), egress);
    hunt.commit(nowMs);
    JsonWriter json =
        Replies.ok(egress, decoder, hunt.huntNumber, -1, -1)
            .field("hunt", next.id())
            .name("changes")
            .startArray();
    for (ReloadChange change : plan.changes()) {
      json.startObject()
          .field("key", change.keyPath())
          .field("description", change.description())
          .field("safe", change.safe())
          .endObject();
    }
    json.endArray();
    Replies.end(egress, decoder);
    return true;
  }

  private boolean lifecycle(int op, Egress egress) {
    HuntState hunt = resolveHunt();
    if (hunt == null) {
      Replies.fail(egress, decoder, ErrorCode.UNKNOWN_HUNT, "no such hunt");
      return false;
    }
    long nowMs = timeFor(hunt, decoder.timestampMs());
    boolean changed = hunt.advance(nowMs, decoder.timestampMs(), egress);
    if (hunt.transition(op, nowMs, decoder.timestampMs(), egress)) {
      changed = true;
      Replies.ok(egress, decoder, hunt.huntNumber, -1, -1)
          .field("status", HuntStatus.name(hunt.status));
      Replies.end(egress, decoder);
    } else {
      Replies.error(egress, decoder, ErrorCode.INVALID_TRANSITION, "not allowed from this status")
          .field("status", HuntStatus.name(hunt.status));
      Replies.end(egress, decoder);
    }
    if (changed) {
      hunt.commit(nowMs);
    }
    return changed;
  }

  private boolean announce(Egress egress) {
    HuntState hunt = resolveHunt();
    if (hunt == null) {
      Replies.fail(egress, decoder, ErrorCode.UNKNOWN_HUNT, "no such hunt");
      return false;
    }
    if (decoder.message().isEmpty()) {
      Replies.fail(egress, decoder, ErrorCode.BAD_REQUEST, "message is required");
      return false;
    }
    long nowMs = timeFor(hunt, decoder.timestampMs());
    hunt.advance(nowMs, decoder.timestampMs(), egress);
    hunt.announce(decoder.message(), decoder.timestampMs(), egress);
    hunt.commit(nowMs);
    Replies.okEmpty(egress, decoder, hunt.huntNumber, -1);
    return true;
  }

  /** Read-only: the top N as of the last change, without advancing the hunt's time. */
  private void huntBoard(Egress egress) {
    HuntState hunt = resolveHunt();
    if (hunt == null) {
      Replies.fail(egress, decoder, ErrorCode.UNKNOWN_HUNT, "no such hunt");
      return;
    }
    hunt.views.huntBoard(decoder, egress);
  }

  /** Read-only: treasures and player density as of the last change, without advancing time. */
  private void huntMap(Egress egress) {
    HuntState hunt = resolveHunt();
    if (hunt == null) {
      Replies.fail(egress, decoder, ErrorCode.UNKNOWN_HUNT, "no such hunt");
      return;
    }
    hunt.views.huntMap(decoder, egress);
  }

  // ---------------------------------------------------------------- snapshots

  /** Writes the whole state; hunts are written as their source text and recompiled on read. */
  public void writeSnapshot(DataOutput out) throws IOException {
    out.writeInt(SNAPSHOT_MAGIC);
    out.writeInt(SNAPSHOT_VERSION);
    out.writeInt(hunts.size());
    for (HuntState hunt : hunts) {
      HuntStateSnapshots.write(hunt, out);
    }
  }

  /** Rebuilds a shard from {@link #writeSnapshot} output and publishes its hunts. */
  public static ShardState readSnapshot(DataInput in, EngineContext context) throws IOException {
    if (in.readInt() != SNAPSHOT_MAGIC) {
      throw new IOException("not a Cairn shard snapshot");
    }
    int version = in.readInt();
    if (version < 1 || version > SNAPSHOT_VERSION) {
      throw new IOException("unsupported shard snapshot version " + version);
    }
    ShardState shard = new ShardState(context);
    int count = in.readInt();
    for (int i = 0; i < count; i++) {
      String sourceName = HuntStateSnapshots.readString(in);
      String sourceText = HuntStateSnapshots.readString(in);
      HuntState hunt = shard.addHunt(HuntFiles.compile(sourceName, sourceText));
      HuntStateSnapshots.read(hunt, in, version);
      hunt.publish();
    }
    return shard;
  }
}
