// A joined player's screen: the hunt's state, map and position, nearby treasures, puzzles,
// leaderboard and event feed. Everything live comes from push events; the only requests are
// the player's own actions and, after one of them or a gap in the events, `state`/`board`.
import { byId, formatDistance, formatTime } from "../common/dom.js";
import { Board } from "./board.js";
import { Feed } from "./feed.js";
import { MapView } from "./map-view.js";
import { NearbyList } from "./nearby.js";
import { PuzzleList } from "./puzzles.js";
import { loadPosition, savePosition } from "./storage.js";
import { Walker } from "./walker.js";

const BOARD_LIMIT = 10;
const RESYNC_AT_MOST_EVERY_MS = 10_000;

export class Game {
  /** `client`: a connected CairnClient; `session`: {hunt, token, player, team}; `info`: the catalog entry. */
  constructor(client, session, info, config) {
    this.client = client;
    this.session = session;
    this.info = info || {};
    this.config = config;
    this.hunt = null;
    this.names = { puzzle: new Map(), treasure: new Map() };
    this.lastSeq = 0;
    this.lastResyncMs = 0;
    this.resyncTimer = null;
    this.scanTimer = null;

    this.feed = new Feed(byId("feed"));
    this.feed.clear();
    this.board = new Board(byId("board"), byId("board-you"));
    this.board.setTeam(session.team);
    this.puzzles = new PuzzleList(byId("puzzles"), this);
    this.nearby = new NearbyList(byId("nearby"), byId("nearby-empty"), this);
    this.nearby.showMessage("Set your position (walk on the map or use your location), then scan.");
    this.positionText = byId("position-text");
    this.positionText.textContent = "Your position is not set yet.";
    this.walkStatus = byId("walk-status");
    this.walkStatus.textContent = "";
    byId("place-here").hidden = false;
    byId("scan-status").textContent = "";
    byId("announcement").hidden = true;
    byId("map-note").textContent = "";
    this.walker = new Walker((lat, lon) => this.request("move", { lat, lon }), {
      onPosition: (lat, lon) => this.moved(lat, lon),
      onStatus: (text) => (this.walkStatus.textContent = text),
      onArrive: () => {
        this.map.setTarget(null);
        this.scan();
      },
    });
    this.map = new MapView(byId("map"), {
      tilesUrl: config.mapTilesUrl,
      attribution: config.mapAttribution,
      center: this.info.center,
      onPick: (lat, lon) => this.walkTo(lat, lon),
      onKeyStep: (bearing, metres) => this.walker.stepTowards(bearing, metres),
      onTilesFailed: () => (byId("map-note").textContent = "Map tiles cannot be loaded: positions are drawn on a blank map."),
    });
    if (!this.map.available) byId("map-note").textContent = "The map cannot be shown: use the lists below.";
    if (!config.mapTilesUrl) byId("map-note").textContent = "This server shows no map tiles: positions are drawn on a blank map.";

    byId("player-name").textContent = session.player;
    byId("player-team").textContent = session.team === session.player ? "playing alone" : `team ${session.team}`;
    this.wireControls();
  }

  wireControls() {
    this.listeners = new AbortController();
    const signal = this.listeners.signal;
    byId("scan-button").addEventListener("click", () => this.scan(), { signal });
    byId("mode-walk").addEventListener("click", () => this.useWalk(), { signal });
    byId("mode-gps").addEventListener("click", () => this.useGps(), { signal });
    for (const button of document.querySelectorAll("[data-bearing]")) {
      button.addEventListener("click", () => this.walker.stepTowards(Number(button.dataset.bearing), 10), { signal });
    }
    byId("place-here").addEventListener("click", () => this.placeAtMapCenter(), { signal });
  }

  dispose() {
    this.listeners.abort();
    this.walker.stop();
    clearTimeout(this.resyncTimer);
    clearTimeout(this.scanTimer);
    this.map.remove();
  }

  token() {
    return this.session.token;
  }

  /** The hunt's status as last told (state, or a `hunt` event). */
  huntStatus() {
    return this.hunt ? this.hunt.status : "";
  }

  request(op, args) {
    return this.client.request(op, args);
  }

  /** The reply to join or state: the whole picture again. */
  applyState(hunt) {
    this.hunt = hunt;
    for (const p of hunt.puzzles) this.names.puzzle.set(p.id, p.title);
    for (const t of hunt.treasures) this.names.treasure.set(t.id, t.name);
    byId("hunt-title").textContent = hunt.title;
    document.title = `${hunt.title} · Cairn`;
    this.setStatus(hunt.status, hunt.startsAt, hunt.endsAt);
    this.showRounds(hunt.rounds);
    this.puzzles.render(hunt.puzzles);
    this.board.setYou(hunt.rank, hunt.score);
    const solved = hunt.puzzles.filter((p) => p.solved).length;
    const claimed = hunt.treasures.filter((t) => t.claimed).length;
    byId("progress").textContent =
      `${solved} of ${hunt.puzzles.length} open puzzles solved · ${claimed} of ${hunt.treasures.length} visible treasures claimed`;
  }

  /**
   * A hunt in rounds (a Cairn addition) lists them in `state`: say which one is open and when
   * the next opens. Hunts without rounds have no `rounds`, and the line stays hidden.
   */
  showRounds(rounds) {
    const line = byId("rounds");
    this.rounds = new Map();
    if (!Array.isArray(rounds) || rounds.length === 0) {
      line.hidden = true;
      return;
    }
    for (const r of rounds) this.rounds.set(r.id, r);
    const open = rounds.filter((r) => r.open);
    const current = open[open.length - 1];
    const next = rounds.find((r) => !r.open);
    const parts = [];
    if (current) parts.push(`Round ${current.index + 1} of ${rounds.length}: ${current.title}`);
    if (next) {
      parts.push(`next: ${next.title}${next.opensAt ? ` at ${formatTime(next.opensAt)}` : ""}`);
    } else {
      parts.push("the last round");
    }
    line.textContent = parts.join(" · ");
    line.hidden = false;
  }

  /** The title of round `id`, for a puzzle's label; empty for hunts without rounds. */
  roundTitle(id) {
    return (id && this.rounds?.get(id)?.title) || "";
  }

  /**
   * After (re)joining: the board, and a scan from the last position the server accepted (kept
   * across reloads, as the server keeps it; state does not tell it).
   */
  async afterJoin() {
    await this.refreshBoard();
    const last = this.walker.position || loadPosition(this.session.token);
    if (last) {
      this.walker.position = last;
      this.showPosition(last.lat, last.lon);
      this.scan();
    } else {
      this.walkStatus.textContent = "Click the map to walk there, or use your location.";
    }
  }

  setStatus(status, startsAt, endsAt) {
    const banner = byId("status-banner");
    const text = {
      scheduled: `The hunt has not started yet${startsAt ? `: it starts at ${formatTime(startsAt)}` : ""}. You can look around.`,
      paused: "The hunt is paused by the organiser: guesses and claims wait until it resumes.",
      ended: `The hunt has ended${endsAt ? ` (at ${formatTime(endsAt)})` : ""}. Final standings below.`,
    }[status];
    banner.hidden = !text;
    banner.textContent = text || "";
    banner.dataset.status = status;
    document.body.dataset.huntStatus = status;
  }

  onScore(reply) {
    if (typeof reply.score === "number") {
      this.board.setYou(undefined, reply.score);
      this.refreshBoard();
    }
  }

  async refreshBoard() {
    try {
      const reply = await this.request("board", { limit: BOARD_LIMIT });
      if (reply.ok) {
        this.board.setTop(reply.top);
        this.board.setYou(reply.you.rank, reply.you.score);
      }
    } catch {
      // Disconnected: the board is fetched again after the next join.
    }
  }

  async refreshState() {
    try {
      const reply = await this.request("state");
      if (reply.ok) this.applyState(reply.hunt);
    } catch {
      // Disconnected: the next join brings the state.
    }
  }

  /**
   * `seq` counts every journaled command of the hunt (moves included), so gaps are normal; a
   * gap may also hide a dropped event, so the picture is re-read, at most every 10 s.
   */
  checkSeq(seq) {
    if (typeof seq !== "number") return;
    const gap = this.lastSeq > 0 && seq > this.lastSeq + 1;
    this.lastSeq = Math.max(this.lastSeq, seq);
    if (!gap || this.resyncTimer) return;
    const waitMs = Math.max(0, this.lastResyncMs + RESYNC_AT_MOST_EVERY_MS - Date.now());
    this.resyncTimer = setTimeout(() => {
      this.resyncTimer = null;
      this.lastResyncMs = Date.now();
      this.refreshState();
      this.refreshBoard();
    }, waitMs);
  }

  onEvent(ev) {
    this.checkSeq(ev.seq);
    const at = typeof ev.at === "number" ? ev.at : Date.now();
    const mine = ev.team === this.session.team;
    switch (ev.ev) {
      case "board":
        if (Array.isArray(ev.top)) this.board.setTop(ev.top);
        break;
      case "claimed":
        this.feed.add(
          `${mine ? "Your team" : ev.team} claimed ${this.treasureName(ev.treasure)}${ev.first ? " first" : ""}.`,
          mine ? "mine" : "",
          at,
        );
        break;
      case "solved":
        this.feed.add(`${mine ? "Your team" : ev.team} solved “${this.puzzleName(ev.puzzle)}”.`, mine ? "mine" : "", at);
        if (mine) this.puzzles.markSolved(ev.puzzle);
        break;
      case "unlocked":
        this.unlocked(ev, at);
        break;
      case "announce":
        this.feed.add(`Organiser: ${ev.message}`, "announce", at);
        byId("announcement").textContent = ev.message;
        byId("announcement").hidden = false;
        break;
      case "round":
        this.roundOpened(ev, at);
        break;
      case "hunt":
        this.feed.add(statusLine(ev.status), "status", at);
        if (this.hunt) this.hunt.status = ev.status;
        this.setStatus(ev.status, ev.startsAt, ev.endsAt);
        break;
      default:
      // Events this client does not know (newer servers) are ignored.
    }
  }

  async unlocked(ev, at) {
    await this.refreshState();
    if (ev.puzzle) {
      this.feed.add(`New puzzle open to your team: “${this.puzzleName(ev.puzzle)}”.`, "mine", at);
    } else if (ev.treasure) {
      this.feed.add(`A new treasure is on the map for your team: ${this.treasureName(ev.treasure)}.`, "mine", at);
      if (this.walker.position) this.scan();
    }
  }

  async roundOpened(ev, at) {
    const puzzles = Array.isArray(ev.puzzles) ? ev.puzzles.length : 0;
    const treasures = Array.isArray(ev.treasures) ? ev.treasures.length : 0;
    const number = typeof ev.index === "number" ? `Round ${ev.index + 1}` : "A new round";
    this.feed.add(
      `${number}${ev.title ? `, “${ev.title}”,` : ""} is open: ${puzzles} puzzle(s) and ${treasures} treasure(s).`,
      "status",
      at,
    );
    await this.refreshState();
    if (this.walker.position) this.scan();
  }

  puzzleName(id) {
    return this.names.puzzle.get(id) || id;
  }

  treasureName(id) {
    return this.names.treasure.get(id) || id;
  }

  showPosition(lat, lon) {
    this.positionText.textContent = `You are at ${lat.toFixed(5)}, ${lon.toFixed(5)}`;
    this.map.setPlayer(lat, lon, true);
    byId("place-here").hidden = true;
  }

  moved(lat, lon) {
    savePosition(this.session.token, lat, lon);
    this.showPosition(lat, lon);
    // While walking, scan now and then so the distances stay true.
    if (!this.scanTimer) {
      this.scanTimer = setTimeout(() => {
        this.scanTimer = null;
        this.scan();
      }, 2000);
    }
  }

  walkTo(lat, lon) {
    this.useWalk();
    this.map.setTarget({ lat, lon });
    this.walker.walkTo(lat, lon);
  }

  placeAtMapCenter() {
    const center = this.map.available ? this.map.map.getCenter() : null;
    const point = center ? { lat: center.lat, lon: center.lng } : this.info.center;
    if (point) this.walkTo(point.lat, point.lon);
  }

  useWalk() {
    this.walker.stopGps();
    byId("mode-walk").setAttribute("aria-pressed", "true");
    byId("mode-gps").setAttribute("aria-pressed", "false");
    byId("walk-pad").hidden = false;
  }

  useGps() {
    this.map.setTarget(null);
    if (this.walker.startGps()) {
      byId("mode-walk").setAttribute("aria-pressed", "false");
      byId("mode-gps").setAttribute("aria-pressed", "true");
      byId("walk-pad").hidden = true;
    }
  }

  async scan() {
    clearTimeout(this.scanTimer);
    this.scanTimer = null;
    let reply;
    try {
      reply = await this.request("scan");
    } catch (e) {
      byId("scan-status").textContent = `Scan not sent: ${e.message}`;
      return;
    }
    if (!reply.ok) {
      byId("scan-status").textContent =
        reply.error.code === "NO_POSITION" ? "Set your position first: walk on the map or use your location." : reply.error.message;
      return;
    }
    for (const t of reply.treasures) this.names.treasure.set(t.id, t.name);
    const nearest = reply.treasures[0];
    byId("scan-status").textContent = nearest
      ? `${reply.treasures.length} treasure(s) in range; nearest ${formatDistance(nearest.distanceM)} away.`
      : "No treasure in range.";
    this.nearby.render(reply.treasures);
    this.map.setTreasures(reply.treasures);
  }

  treasureClaimed() {
    this.refreshState();
    this.scan();
  }
}

function statusLine(status) {
  return (
    {
      running: "The hunt is running.",
      paused: "The organiser paused the hunt.",
      ended: "The hunt has ended.",
      scheduled: "The hunt is scheduled.",
    }[status] || `The hunt is now ${status}.`
  );
}

