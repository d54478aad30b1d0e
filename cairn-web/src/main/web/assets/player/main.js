// The player client's entry point: the catalog, the join form, and the connection that joins
// (or resumes with the stored token) after every (re)connect, handing the game its events.
import { CairnClient, ConnectionError, State } from "../common/cairn-client.js";
import { byId, el, formatTime } from "../common/dom.js";
import { fetchJson } from "../common/http.js";
import { Game } from "./game.js";
import { clearSession, loadSession, saveSession } from "./storage.js";

const views = ["catalog-view", "join-view", "game-view"];
const app = { config: { mapTilesUrl: "", mapAttribution: "" }, catalog: [], client: null, game: null, joining: null };

function show(view) {
  for (const id of views) byId(id).hidden = id !== view;
  document.body.dataset.view = view;
}

async function start() {
  try {
    app.config = await fetchJson("/api/client-config");
  } catch {
    // Without it the map simply has no tiles.
  }
  const session = loadSession();
  if (session) {
    await loadCatalog();
    resume(session);
  } else {
    showCatalog();
  }
}

async function loadCatalog() {
  try {
    app.catalog = await fetchJson("/api/hunts");
    return true;
  } catch (e) {
    app.catalog = [];
    byId("catalog-message").textContent = `The hunts cannot be listed: ${e.message}`;
    return false;
  }
}

async function showCatalog(message = "") {
  show("catalog-view");
  document.title = "Cairn";
  byId("hunt-title").textContent = "";
  byId("catalog-message").textContent = message || "Loading the hunts…";
  const list = byId("catalog");
  list.replaceChildren();
  if (!(await loadCatalog())) return;
  byId("catalog-message").textContent = message;
  if (app.catalog.length === 0) {
    list.append(el("li", { class: "empty" }, "No hunt on this server yet. Ask the organiser."));
  }
  for (const hunt of app.catalog) {
    list.append(
      el(
        "li",
        { class: "hunt-card", "data-hunt": hunt.id },
        el("h2", {}, hunt.title),
        hunt.description ? el("p", {}, hunt.description) : null,
        el("p", { class: "meta" }, `${statusWord(hunt.status)} · ${hunt.players} player${hunt.players === 1 ? "" : "s"}${when(hunt)}`),
        el("button", { type: "button", onclick: () => showJoin(hunt), "aria-label": `Play ${hunt.title}` }, hunt.status === "ended" ? "See the results" : "Play"),
      ),
    );
  }
}

function statusWord(status) {
  return { scheduled: "Not started yet", running: "Running", paused: "Paused", ended: "Ended" }[status] || status;
}

function when(hunt) {
  if (hunt.status === "scheduled" && hunt.startsAt) return ` · starts ${new Date(hunt.startsAt).toLocaleString()}`;
  if (hunt.status !== "ended" && hunt.endsAt) return ` · ends ${formatTime(hunt.endsAt)}`;
  return "";
}

function showJoin(hunt) {
  show("join-view");
  app.joining = hunt;
  byId("join-title").textContent = hunt.title;
  byId("join-description").textContent = hunt.description || "";
  byId("join-error").textContent = "";
  byId("join-name").focus();
}

async function submitJoin(event) {
  event.preventDefault();
  const name = byId("join-name").value.trim();
  const team = byId("join-team").value.trim();
  if (!name) {
    byId("join-error").textContent = "Type the name other players will see.";
    return;
  }
  byId("join-submit").disabled = true;
  byId("join-error").textContent = "Joining…";
  const hunt = app.joining;
  connect(async () => {
    const reply = await app.client.request("join", team ? { hunt: hunt.id, name, team } : { hunt: hunt.id, name });
    byId("join-submit").disabled = false;
    if (!reply.ok) {
      disconnect();
      byId("join-error").textContent = joinError(reply.error);
      return null;
    }
    byId("join-error").textContent = "";
    const session = { hunt: hunt.id, token: reply.token, player: reply.player, team: reply.team };
    saveSession(session);
    return { session, reply };
  });
}

function joinError(error) {
  return (
    {
      BAD_NAME: "Names and team names are 1 to 32 characters, without control characters.",
      HUNT_FULL: "This hunt is full.",
      TEAM_FULL: "This team is full: choose another team name.",
      UNKNOWN_HUNT: "This hunt is no longer on the server.",
    }[error.code] || error.message
  );
}

function resume(session) {
  connect(async () => {
    const reply = await app.client.request("join", { token: session.token });
    if (!reply.ok) {
      disconnect();
      clearSession();
      showCatalog(`Your earlier session could not be resumed (${reply.error.message}). Join again.`);
      return null;
    }
    return { session, reply };
  });
}

/**
 * Opens the connection; `join()` runs after each (re)connect until it first succeeds (a new
 * player), then the stored token resumes the same player on every later reconnect.
 */
function connect(join) {
  disconnect();
  const client = new CairnClient();
  app.client = client;
  let joinOnOpen = join;
  client.on("state", (state, detail) => showConnection(state, detail));
  client.on("event", (ev) => app.game?.onEvent(ev));
  client.on("error", (ev) => app.game?.feed.add(`Server: ${ev.message}`, "error"));
  client.on("open", async () => {
    let joined;
    try {
      joined = await joinOnOpen();
    } catch (e) {
      if (!(e instanceof ConnectionError)) throw e;
      return; // the connection dropped again: the next open retries
    }
    if (!joined) return;
    const reconnected = joinOnOpen !== join;
    joinOnOpen = () => resumeOnReconnect(joined.session);
    enterGame(joined.session, joined.reply);
    if (reconnected) app.game.feed.add("Connection restored: you are back in the hunt.", "status");
  });
  client.connect();
}

async function resumeOnReconnect(session) {
  const reply = await app.client.request("join", { token: session.token });
  if (!reply.ok) {
    leave(`You were signed out of the hunt (${reply.error.message}). Join again.`);
    return null;
  }
  return { session, reply };
}

function enterGame(session, reply) {
  if (!app.game || app.game.session.token !== session.token) {
    app.game?.dispose();
    show("game-view");
    const info = app.catalog.find((h) => h.id === session.hunt);
    app.game = new Game(app.client, session, info, app.config);
    // Keyboard and screen reader users start on the player's summary, not on a hidden form.
    byId("me-heading").focus();
  }
  app.game.applyState(reply.hunt);
  app.game.afterJoin();
}

function disconnect() {
  app.client?.close();
  app.client = null;
}

function leave(message = "") {
  disconnect();
  clearSession();
  app.game?.dispose();
  app.game = null;
  showCatalog(message);
  byId("catalog-heading").focus();
}

function showConnection(state, detail) {
  const pill = byId("connection");
  const retry = byId("retry-now");
  pill.dataset.state = state;
  retry.hidden = state !== State.RECONNECTING;
  document.body.classList.toggle("offline", state !== State.OPEN && state !== State.CLOSED);
  pill.textContent =
    {
      [State.CONNECTING]: "Connecting…",
      [State.OPEN]: "Online",
      [State.RECONNECTING]: `Offline: reconnecting in ${Math.ceil((detail.retryInMs || 0) / 1000)} s`,
      [State.CLOSED]: "",
    }[state] || state;
}

byId("join-form").addEventListener("submit", submitJoin);
byId("join-back").addEventListener("click", () => showCatalog());
byId("retry-now").addEventListener("click", () => app.client?.retryNow());
byId("leave").addEventListener("click", () => {
  if (confirm("Leave this hunt on this device? Your team keeps its score, but this device forgets you.")) leave();
});
start();
