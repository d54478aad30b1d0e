// The "Benchmarks" tab: lists the runs of `cairn bench` the server finds under its bench-dir
// (GET /admin/bench) and shows one run's report.html (GET /admin/bench/{run}) in a sandboxed
// frame. The report needs the admin token, so it is fetched here and handed to the frame as text.

import { fetchJson, HttpError } from "/assets/common/http.js";

const COLUMNS = [
  ["run", "Run", (r) => r.run],
  ["date", "Date", (r) => (r.date || "").replace("T", " ").slice(0, 19)],
  ["target", "Target", (r) => r.target || ""],
  ["players", "Players", (r) => r.players ?? ""],
  ["achievedPerS", "Replies/s", (r) => fixed(r.achievedPerS, 0)],
  ["ratio", "Of echo", (r) => (r.throughputRatioToEcho == null ? "" : `${fixed(r.throughputRatioToEcho * 100, 1)}%`)],
  ["p99Ms", "p99 ms", (r) => fixed(r.p99Ms, 2)],
  ["errors", "Errors", (r) => r.errors ?? ""],
  ["alloc", "B/request", (r) => fixed(r.allocatedBytesPerRequest, 0)],
];

function fixed(v, decimals) {
  return typeof v === "number" ? v.toFixed(decimals) : "";
}

export class BenchRuns {
  constructor(token, { onUnauthorized, onError }) {
    this.token = token;
    this.onUnauthorized = onUnauthorized;
    this.onError = onError;
    this.selected = null;
    this.blobUrl = null;
  }

  async show() {
    const el = (id) => document.getElementById(id);
    let list;
    try {
      list = await fetchJson("/admin/bench", { token: this.token });
    } catch (e) {
      if (e.status === 401) this.onUnauthorized();
      else this.onError(`benchmarks: ${e.message}`);
      return;
    }
    el("bench-dir").textContent = list.dir;
    el("no-bench").hidden = list.runs.length > 0;
    const body = el("bench-table").querySelector("tbody");
    body.replaceChildren(
      ...list.runs.map((run) => {
        const row = document.createElement("tr");
        row.dataset.run = run.run;
        row.setAttribute("aria-selected", String(run.run === this.selected));
        for (const [key, , value] of COLUMNS) {
          const td = document.createElement("td");
          td.className = key;
          td.textContent = value(run);
          row.append(td);
        }
        if (run.report) {
          row.tabIndex = 0;
          row.addEventListener("click", () => this.open(run.run));
          row.addEventListener("keydown", (e) => {
            if (e.key === "Enter" || e.key === " ") {
              e.preventDefault();
              this.open(run.run);
            }
          });
        } else {
          row.title = run.problem || "no report.html: draw it with cairn bench --report-only";
          row.classList.add("no-report");
        }
        return row;
      }),
    );
  }

  async open(run) {
    const el = (id) => document.getElementById(id);
    this.selected = run;
    for (const row of el("bench-table").querySelectorAll("tbody tr")) {
      row.setAttribute("aria-selected", String(row.dataset.run === run));
    }
    let html;
    try {
      const response = await fetch(`/admin/bench/${encodeURIComponent(run)}`, {
        headers: { Authorization: `Bearer ${this.token}` },
        cache: "no-store",
      });
      if (response.status === 401) {
        this.onUnauthorized();
        return;
      }
      if (!response.ok) {
        const error = (await response.json().catch(() => ({}))).error || {};
        throw new HttpError(response.status, error.code, error.message || `HTTP ${response.status}`);
      }
      html = await response.text();
    } catch (e) {
      this.onError(`report of ${run}: ${e.message}`);
      return;
    }
    el("bench-report-title").textContent = run;
    el("bench-report").srcdoc = html;
    if (this.blobUrl) URL.revokeObjectURL(this.blobUrl);
    this.blobUrl = URL.createObjectURL(new Blob([html], { type: "text/html" }));
    el("bench-report-link").href = this.blobUrl;
    el("bench-report-view").hidden = false;
  }
}
