// The organiser dashboard (/admin): signs in with the admin token (kept in sessionStorage),
// lists the hunts with their status and player counts, runs the lifecycle and announcements,
// and hosts the live hunt view, the upload form, the server health charts and the bench runs.

import { fetchJson } from "/assets/common/http.js";
import { HuntView } from "./hunt-view.js";
import { HealthCharts } from "./health.js";
import { Upload } from "./upload.js";
import { BenchRuns } from "./bench.js";

const TOKEN_KEY = "cairn.adminToken";
const LIST_POLL_MS = 3_000;
const $ = (id) => document.getElementById(id);

const app = {
  token: null,
  hunts: [],
  selected: null,
  huntView: null,
  health: null,
  bench: null,
  listTimer: null,
  tab: "hunts",
};

function notice(message, bad = false) {
  const el = $("notice");
  el.hidden = !message;
  el.textContent = message || "";
  el.className = bad ? "bad" : "";
}

async function signIn(token) {
  try {
    await fetchJson("/admin/hunts", { token });
  } catch (e) {
    return e.status === 401 ? "That is not this server's admin token." : e.message;
  }
  sessionStorage.setItem(TOKEN_KEY, token);
  app.token = token;
  let clientConfig = {};
  try {
    clientConfig = await fetchJson("/api/client-config");
  } catch {
    clientConfig = {};
  }
  const signOut = () => signedOut("Your admin token was refused: sign in again.");
  app.huntView = new HuntView(token, clientConfig, {
    onHuntChanged: () => refreshList(),
    onUnauthorized: signOut,
    onError: (m) => notice(m, true),
  });
  app.health = new HealthCharts(token, { onUnauthorized: signOut, onError: (m) => notice(m, true) });
  app.bench = new BenchRuns(token, { onUnauthorized: signOut, onError: (m) => notice(m, true) });
  new Upload(token, {
    onUploaded: (huntId) => {
      refreshList().then(() => selectHunt(huntId));
    },
    onUnauthorized: signOut,
  });
  $("sign-in").hidden = true;
  $("tabs").hidden = false;
  showTab(app.tab);
  await refreshList();
  const wanted = new URLSearchParams(location.hash.slice(1)).get("hunt");
  if (wanted && app.hunts.some((h) => h.id === wanted)) selectHunt(wanted);
  return null;
}

function signedOut(message) {
  sessionStorage.removeItem(TOKEN_KEY);
  if (app.huntView) app.huntView.close();
  if (app.health) app.health.hide();
  clearTimeout(app.listTimer);
  if (message) sessionStorage.setItem("cairn.signInMessage", message);
  location.hash = "";
  location.reload();
}

function showTab(tab) {
  app.tab = tab;
  for (const button of document.querySelectorAll("#tabs [data-tab]")) {
    button.setAttribute("aria-pressed", String(button.dataset.tab === tab));
  }
  for (const name of ["hunts", "upload", "health", "bench"]) $(`${name}-tab`).hidden = name !== tab;
  if (tab === "bench") app.bench.show();
  if (tab === "health") app.health.show();
  else app.health.hide();
  if (tab === "hunts" && app.huntView && app.huntView.map) app.huntView.map.invalidateSize();
}

async function refreshList() {
  clearTimeout(app.listTimer);
  try {
    app.hunts = await fetchJson("/admin/hunts", { token: app.token });
    renderList();
  } catch (e) {
    if (e.status === 401) {
      signedOut("Your admin token was refused: sign in again.");
      return;
    }
    notice(`hunt list: ${e.message}`, true);
  }
  app.listTimer = setTimeout(refreshList, LIST_POLL_MS);
}

function renderList() {
  const body = $("hunt-table").querySelector("tbody");
  body.replaceChildren(
    ...app.hunts.map((hunt) => {
      const row = document.createElement("tr");
      row.dataset.hunt = hunt.id;
      row.tabIndex = 0;
      row.setAttribute("aria-selected", String(hunt.id === app.selected));
      const title = document.createElement("td");
      title.textContent = hunt.title;
      const id = document.createElement("div");
      id.className = "muted";
      id.textContent = hunt.id;
      title.append(id);
      const cells = [hunt.status, hunt.players, hunt.teams].map((v) => {
        const td = document.createElement("td");
        td.textContent = v;
        return td;
      });
      cells[0].className = "status";
      cells[1].className = "players";
      row.append(title, ...cells);
      row.addEventListener("click", () => selectHunt(hunt.id));
      row.addEventListener("keydown", (e) => {
        if (e.key === "Enter" || e.key === " ") {
          e.preventDefault();
          selectHunt(hunt.id);
        }
      });
      return row;
    }),
  );
  $("no-hunts").hidden = app.hunts.length > 0;
  renderSelected();
}

function selectHunt(huntId) {
  if (app.selected !== huntId) {
    app.selected = huntId;
    location.hash = `hunt=${encodeURIComponent(huntId)}`;
    $("hunt-view").hidden = false;
    app.huntView.open(huntId);
  }
  showTab("hunts");
  renderList();
}

function renderSelected() {
  const hunt = app.hunts.find((h) => h.id === app.selected);
  if (!hunt) return;
  $("hunt-title").textContent = hunt.title;
  const pill = $("hunt-status");
  pill.textContent = hunt.status;
  pill.className = `status-pill status-${hunt.status}`;
  const allowed = {
    start: hunt.status === "scheduled",
    pause: hunt.status === "running",
    resume: hunt.status === "paused",
    end: hunt.status !== "ended",
  };
  for (const button of document.querySelectorAll("[data-action]")) {
    button.disabled = !allowed[button.dataset.action];
  }
}

async function act(action, body) {
  const huntId = app.selected;
  try {
    await fetchJson(`/admin/hunts/${encodeURIComponent(huntId)}/${action}`, {
      method: "POST",
      token: app.token,
      body,
    });
    notice(action === "announce" ? "Announcement sent." : `${huntId}: ${action} done.`);
  } catch (e) {
    if (e.status === 401) signedOut("Your admin token was refused: sign in again.");
    else notice(`${action} ${huntId}: ${e.code}: ${e.message}`, true);
  }
  await refreshList();
}

function wire() {
  $("sign-in-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    const error = await signIn($("token").value.trim());
    $("sign-in-error").hidden = !error;
    $("sign-in-error").textContent = error || "";
  });
  for (const button of document.querySelectorAll("#tabs [data-tab]")) {
    button.addEventListener("click", () => showTab(button.dataset.tab));
  }
  $("sign-out").addEventListener("click", () => signedOut(""));
  for (const button of document.querySelectorAll("[data-action]")) {
    button.addEventListener("click", () => act(button.dataset.action));
  }
  $("announce-form").addEventListener("submit", (e) => {
    e.preventDefault();
    const message = $("announce-text").value.trim();
    if (!message) return;
    act("announce", { message }).then(() => {
      $("announce-text").value = "";
    });
  });
}

async function main() {
  wire();
  const message = sessionStorage.getItem("cairn.signInMessage");
  sessionStorage.removeItem("cairn.signInMessage");
  const saved = sessionStorage.getItem(TOKEN_KEY);
  if (saved) {
    const error = await signIn(saved);
    if (!error) return;
    sessionStorage.removeItem(TOKEN_KEY);
  }
  if (message) {
    $("sign-in-error").hidden = false;
    $("sign-in-error").textContent = message;
  }
  $("token").focus();
}

main();
