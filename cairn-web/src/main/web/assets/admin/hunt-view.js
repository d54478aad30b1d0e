// The live view of one hunt: leaderboard, a chart of the top teams' scores over time, a map of
// treasures and player density, and the event feed. Hunt data comes from the organiser event
// stream, which starts with the hunt's last 100 events (so the feed is not empty after a reload);
// on (re)connect the view reloads the board, the board history and the map, so nothing missed
// while disconnected stays missing. The map is also refreshed every few seconds, because players'
// positions change without events.

import { fetchJson } from "/assets/common/http.js";
import { EventStream } from "./event-stream.js";
import { timeChart, PALETTE } from "./charts.js";

const FEED_MAX = 200;
const CHART_TEAMS = 5;
const CHART_MAX_SAMPLES = 2_000;
const MAP_REFRESH_MS = 5_000;
const MAP_MIN_GAP_MS = 1_000;

export class HuntView {
  constructor(token, clientConfig, { onHuntChanged, onUnauthorized, onError }) {
    this.token = token;
    this.clientConfig = clientConfig;
    this.onHuntChanged = onHuntChanged;
    this.onUnauthorized = onUnauthorized;
    this.onError = onError;
    this.huntId = null;
    this.stream = null;
    this.samples = [];
    this.seen = new Set();
    this.treasureNames = new Map();
    this.chart = null;
    this.chartTeams = [];
    this.map = null;
    this.layers = null;
    this.mapFitted = false;
    this.mapTimer = null;
    this.lastMapMs = 0;
    this.mapQueued = false;
  }

  /** Shows hunt `huntId`, replacing whatever was shown. */
  open(huntId) {
    this.close();
    this.huntId = huntId;
    this.samples = [];
    this.seen = new Set();
    this.mapFitted = false;
    document.getElementById("feed").replaceChildren();
    document.getElementById("leaderboard").replaceChildren();
    this.ensureMap();
    // The map first: it names the treasures that the replayed events mention by id.
    this.refreshMap(true).finally(() => {
      if (huntId !== this.huntId) return;
      this.stream = new EventStream(`/admin/hunts/${encodeURIComponent(huntId)}/events`, this.token, {
        onEvent: (event) => this.onEvent(event),
        onState: (state, detail) => this.onStreamState(state, detail),
      }).start();
      this.mapTimer = setInterval(() => this.refreshMap(), MAP_REFRESH_MS);
    });
  }

  close() {
    if (this.stream) this.stream.stop();
    this.stream = null;
    clearInterval(this.mapTimer);
    this.huntId = null;
  }

  api(path) {
    return fetchJson(`/admin/hunts/${encodeURIComponent(this.huntId)}${path}`, { token: this.token });
  }

  onStreamState(state, detail = {}) {
    const label = document.getElementById("stream-state");
    label.dataset.state = state;
    if (state === "open") {
      label.textContent = "live";
      this.reload();
    } else if (state === "reconnecting") {
      label.textContent = `reconnecting in ${Math.round(detail.inMs / 1000)} s (${detail.reason})`;
    } else if (state === "unauthorized") {
      this.onUnauthorized();
    } else {
      label.textContent = "connecting…";
    }
  }

  /** Everything a stream (re)connect may have missed: board, history, map. */
  async reload() {
    const huntId = this.huntId;
    try {
      const [board, history] = await Promise.all([this.api("/board?limit=10"), this.api("/history")]);
      if (huntId !== this.huntId) return;
      this.renderBoard(board.top);
      this.samples = history.samples.map(sampleOf);
      this.drawChart();
      await this.refreshMap(true);
    } catch (e) {
      if (e.status === 401) this.onUnauthorized();
      else this.onError(`hunt ${huntId}: ${e.message}`);
    }
  }

  onEvent(event) {
    // A (re)connected stream starts with the hunt's recent events: skip those already shown.
    const key = `${event.ev}/${event.seq}/${event.at}/${event.treasure || event.puzzle || event.message || ""}`;
    if (event.ev !== "board") {
      if (this.seen.has(key)) return;
      this.seen.add(key);
      if (this.seen.size > FEED_MAX * 4) this.seen = new Set([...this.seen].slice(-FEED_MAX * 2));
    }
    switch (event.ev) {
      case "board":
        this.renderBoard(event.top);
        this.addSample(sampleOf(event));
        return;
      case "claimed":
        this.refreshMap();
        break;
      case "hunt":
        this.onHuntChanged(this.huntId, event.status);
        break;
      default:
        break;
    }
    this.addToFeed(event);
  }

  // ------------------------------------------------------------ leaderboard and chart

  renderBoard(top) {
    const list = document.getElementById("leaderboard");
    list.replaceChildren(
      ...top.map((row) => {
        const li = document.createElement("li");
        const rank = document.createElement("span");
        rank.className = "rank";
        rank.textContent = `${row.rank}.`;
        const team = document.createElement("span");
        team.className = "team";
        team.textContent = row.team;
        const score = document.createElement("span");
        score.className = "score";
        score.textContent = row.score;
        li.append(rank, team, score);
        return li;
      }),
    );
    if (top.length === 0) {
      const li = document.createElement("li");
      li.className = "muted";
      li.textContent = "no team has scored yet";
      list.replaceChildren(li);
    }
  }

  addSample(sample) {
    const last = this.samples[this.samples.length - 1];
    if (last && sample.at < last.at) return;
    this.samples.push(sample);
    if (this.samples.length > CHART_MAX_SAMPLES) this.samples.shift();
    this.drawChart();
  }

  drawChart() {
    const latest = this.samples[this.samples.length - 1];
    const teams = latest ? [...latest.scores.keys()].slice(0, CHART_TEAMS) : [];
    if (!this.chart || teams.join("\n") !== this.chartTeams.join("\n")) {
      if (this.chart) this.chart.destroy();
      const element = document.getElementById("score-chart");
      element.replaceChildren();
      this.chart = timeChart(
        element,
        teams.map((team, i) => ({ label: team, stroke: PALETTE[i % PALETTE.length] })),
      );
      this.chartTeams = teams;
    }
    // Boards are pushed whenever they change, so the latest one still holds now: the lines run
    // on to the present instead of stopping at the last change.
    const points = latest && latest.at < Date.now() ? [...this.samples, { ...latest, at: Date.now() }] : this.samples;
    const x = points.map((s) => s.at / 1000);
    const ys = teams.map((team) => points.map((s) => s.scores.get(team) ?? null));
    this.chart.setData([x, ...ys]);
  }

  // ------------------------------------------------------------ map

  ensureMap() {
    if (this.map) return;
    this.map = L.map("map", { zoomSnap: 0.5 });
    const { mapTilesUrl, mapAttribution } = this.clientConfig;
    if (mapTilesUrl) {
      // Tiles are decoration: the markers and density cells draw without them.
      L.tileLayer(mapTilesUrl, { attribution: mapAttribution || "", maxZoom: 19 }).addTo(this.map);
    }
    this.layers = {
      density: L.layerGroup().addTo(this.map),
      treasures: L.layerGroup().addTo(this.map),
    };
    this.map.setView([0, 0], 2);
  }

  /** Reloads the map now, or soon when it was reloaded less than a second ago. */
  async refreshMap(force = false) {
    if (!this.huntId) return;
    const sinceMs = Date.now() - this.lastMapMs;
    if (!force && sinceMs < MAP_MIN_GAP_MS) {
      if (!this.mapQueued) {
        this.mapQueued = true;
        setTimeout(() => {
          this.mapQueued = false;
          this.refreshMap();
        }, MAP_MIN_GAP_MS - sinceMs);
      }
      return;
    }
    this.lastMapMs = Date.now();
    const huntId = this.huntId;
    try {
      const map = await this.api("/map");
      if (huntId === this.huntId) this.renderMap(map);
    } catch (e) {
      if (e.status === 401) this.onUnauthorized();
      else this.onError(`map of ${huntId}: ${e.message}`);
    }
  }

  renderMap(data) {
    const { density, treasures } = data;
    this.layers.density.clearLayers();
    this.layers.treasures.clearLayers();
    const bounds = [];
    const most = Math.max(1, ...density.cells.map((c) => c.players));
    for (const cell of density.cells) {
      const box = [
        [cell.south, cell.west],
        [cell.south + density.cellLatDeg, cell.west + density.cellLonDeg],
      ];
      L.rectangle(box, {
        className: "density",
        stroke: false,
        fillColor: "#d1242f",
        fillOpacity: 0.15 + 0.6 * (cell.players / most),
      })
        .bindTooltip(`${cell.players} player${cell.players === 1 ? "" : "s"}`)
        .addTo(this.layers.density);
      bounds.push(...box);
    }
    this.treasureNames.clear();
    for (const t of treasures) {
      this.treasureNames.set(t.id, t.name);
      const claimed = t.claims > 0;
      L.circleMarker([t.lat, t.lon], {
        className: claimed ? "treasure claimed" : "treasure",
        radius: 9,
        color: claimed ? "#1a7f37" : "#57606a",
        fillColor: claimed ? "#2da44e" : "#ffffff",
        fillOpacity: 0.9,
        weight: 3,
      })
        .bindTooltip(
          `${t.name}: ${claimed ? `claimed by ${t.claims} team${t.claims === 1 ? "" : "s"}` : "not claimed"}`,
        )
        .addTo(this.layers.treasures);
      bounds.push([t.lat, t.lon]);
    }
    const summary = document.getElementById("map");
    summary.dataset.positioned = density.positioned;
    summary.dataset.claimed = treasures.filter((t) => t.claims > 0).length;
    if (!this.mapFitted && bounds.length > 0) {
      this.map.fitBounds(bounds, { padding: [30, 30], maxZoom: 17 });
      this.mapFitted = true;
    }
  }

  // ------------------------------------------------------------ feed

  addToFeed(event) {
    const li = document.createElement("li");
    li.dataset.ev = event.ev;
    const time = document.createElement("time");
    const at = new Date(event.at || Date.now());
    time.dateTime = at.toISOString();
    time.textContent = at.toLocaleTimeString();
    li.append(time, document.createTextNode(this.describe(event)));
    const feed = document.getElementById("feed");
    feed.prepend(li);
    while (feed.children.length > FEED_MAX) feed.lastElementChild.remove();
  }

  describe(event) {
    switch (event.ev) {
      case "claimed": {
        const name = this.treasureNames.get(event.treasure) || event.treasure;
        return `${event.team} claimed ${name}${event.first ? " (first!)" : ""}`;
      }
      case "solved":
        return `${event.team} solved ${event.puzzle}`;
      case "announce":
        return `Announcement: ${event.message}`;
      case "hunt":
        return `The hunt is now ${event.status}`;
      default: {
        const { ev, seq, at, ...rest } = event;
        return `${ev} ${JSON.stringify(rest)}`;
      }
    }
  }
}

/** A board event as a chart sample: its time and each listed team's score, best first. */
function sampleOf(event) {
  return { at: event.at, scores: new Map(event.top.map((row) => [row.team, row.score])) };
}
