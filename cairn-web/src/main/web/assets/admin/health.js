// The "Server health" tab: polls GET /admin/health (per-second samples the server keeps for five
// minutes, read from its Micrometer registry) and draws them with uPlot.

import { fetchJson } from "/assets/common/http.js";
import { timeChart } from "./charts.js";

const POLL_MS = 1_500;
const KEEP = 300;
const MIB = 1024 * 1024;

const COLUMNS = [
  "t", "connections", "requestsPerS", "latencyP50Ms", "latencyP99Ms", "gcPauseMs",
  "heapUsedBytes", "heapMaxBytes", "fsyncMeanMs", "fsyncsPerS",
];

export class HealthCharts {
  constructor(token, { onUnauthorized, onError }) {
    this.token = token;
    this.onUnauthorized = onUnauthorized;
    this.onError = onError;
    this.data = Object.fromEntries(COLUMNS.map((c) => [c, []]));
    this.lastT = 0;
    this.timer = null;
    this.charts = null;
  }

  show() {
    if (!this.charts) {
      const el = (id) => document.getElementById(id);
      this.charts = {
        connections: timeChart(el("h-connections"), [{ label: "open" }]),
        requests: timeChart(el("h-requests"), [{ label: "requests/s" }], { yDecimals: 1 }),
        latency: timeChart(el("h-latency"), [{ label: "p50" }, { label: "p99" }], { yDecimals: 2 }),
        gc: timeChart(el("h-gc"), [{ label: "paused" }], { yDecimals: 1 }),
        heap: timeChart(el("h-heap"), [{ label: "used" }, { label: "max" }]),
        fsync: timeChart(el("h-fsync"), [{ label: "mean" }], { yDecimals: 2 }),
      };
    }
    this.poll();
  }

  hide() {
    clearTimeout(this.timer);
    this.timer = null;
  }

  async poll() {
    clearTimeout(this.timer);
    try {
      const fresh = await fetchJson(`/admin/health?after=${this.lastT}`, { token: this.token });
      this.append(fresh);
      this.draw();
    } catch (e) {
      if (e.status === 401) {
        this.onUnauthorized();
        return;
      }
      this.onError(`server health: ${e.message}`);
    }
    this.timer = setTimeout(() => this.poll(), POLL_MS);
  }

  append(fresh) {
    const n = fresh.t.length;
    if (n === 0) return;
    for (const c of COLUMNS) {
      this.data[c].push(...fresh[c]);
      if (this.data[c].length > KEEP) this.data[c].splice(0, this.data[c].length - KEEP);
    }
    this.lastT = fresh.t[n - 1];
  }

  draw() {
    const d = this.data;
    const x = d.t.map((ms) => ms / 1000);
    const mib = (v) => (v == null ? null : v / MIB);
    this.charts.connections.setData([x, d.connections]);
    this.charts.requests.setData([x, d.requestsPerS]);
    this.charts.latency.setData([x, d.latencyP50Ms, d.latencyP99Ms]);
    this.charts.gc.setData([x, d.gcPauseMs]);
    this.charts.heap.setData([x, d.heapUsedBytes.map(mib), d.heapMaxBytes.map(mib)]);
    this.charts.fsync.setData([x, d.fsyncMeanMs]);
    document.getElementById("health-tab").dataset.samples = String(x.length);
  }

  /** Samples received so far (tests and the page use it to know the charts have data). */
  get sampleCount() {
    return this.data.t.length;
  }
}
