// The player protocol over one WebSocket (docs/protocol.md): request ids, replies matched to
// their requests, push events handed to listeners, and a reconnect with exponential backoff
// whenever the connection drops. Shared by the player client and the organiser dashboard.

/** Connection states reported to "state" listeners. */
export const State = Object.freeze({
  CONNECTING: "connecting",
  OPEN: "open",
  RECONNECTING: "reconnecting",
  CLOSED: "closed",
});

/** A request that got no reply: the connection closed, or the reply took too long. */
export class ConnectionError extends Error {
  constructor(message) {
    super(message);
    this.name = "ConnectionError";
  }
}

const DEFAULTS = {
  firstRetryMs: 500,
  maxRetryMs: 15_000,
  replyTimeoutMs: 15_000,
  // The server closes a connection silent for idle-timeout (60 s by default).
  pingEveryMs: 20_000,
};

/** The WebSocket address of this page's server. */
export function defaultUrl(location = window.location) {
  return (location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/ws";
}

/**
 * One logical connection that survives drops: after a close it reconnects by itself with
 * exponential backoff (with jitter) until {@link CairnClient#close} is called.
 *
 * Listeners: `on("state", (state, detail) => ...)`, `on("open", () => ...)` after every
 * (re)connect, before any queued work (resume a session there), `on("event", (ev) => ...)`
 * for every push event, `on("error", (ev) => ...)` for `error` pushes.
 */
export class CairnClient {
  constructor(url = defaultUrl(), options = {}) {
    this.url = url;
    this.options = { ...DEFAULTS, ...options };
    this.state = State.CLOSED;
    this.listeners = { state: new Set(), open: new Set(), event: new Set(), error: new Set() };
    this.pending = new Map();
    this.nextId = 1;
    this.socket = null;
    this.attempt = 0;
    this.retryTimer = null;
    this.pingTimer = null;
    this.stopped = true;
    this.onOnline = () => {
      if (this.state === State.RECONNECTING) this.retryNow();
    };
  }

  on(kind, listener) {
    this.listeners[kind].add(listener);
    return () => this.listeners[kind].delete(listener);
  }

  /** Opens the connection (and keeps it open). */
  connect() {
    this.stopped = false;
    window.addEventListener("online", this.onOnline);
    this.open(State.CONNECTING);
  }

  /** Closes for good: no reconnect; pending requests fail. */
  close() {
    this.stopped = true;
    window.removeEventListener("online", this.onOnline);
    clearTimeout(this.retryTimer);
    clearInterval(this.pingTimer);
    if (this.socket) this.socket.close(1000, "bye");
    this.failPending("closed");
    this.setState(State.CLOSED);
  }

  /** Skips the wait before the next reconnect attempt. */
  retryNow() {
    if (this.stopped || this.state === State.OPEN || this.state === State.CONNECTING) return;
    clearTimeout(this.retryTimer);
    this.open(State.CONNECTING);
  }

  /**
   * Sends `{id, op, ...args}` and resolves with the reply, whether `ok` or not (check
   * `reply.ok`, `reply.error.code`). Rejects with a ConnectionError when not connected, when
   * the connection drops first, or when no reply comes within the timeout.
   */
  request(op, args = {}, timeoutMs = this.options.replyTimeoutMs) {
    if (this.state !== State.OPEN) {
      return Promise.reject(new ConnectionError("not connected to the server"));
    }
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new ConnectionError(`no reply to ${op} within ${Math.round(timeoutMs / 1000)} s`));
      }, timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      this.socket.send(JSON.stringify({ id, op, ...args }));
    });
  }

  open(state) {
    this.setState(state);
    let socket;
    try {
      socket = new WebSocket(this.url);
    } catch (e) {
      this.scheduleRetry(String(e.message || e));
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      this.attempt = 0;
      this.setState(State.OPEN);
      clearInterval(this.pingTimer);
      this.pingTimer = setInterval(() => this.request("ping").catch(() => {}), this.options.pingEveryMs);
      this.emit("open");
    };
    socket.onmessage = (message) => this.receive(message.data);
    socket.onclose = (close) => {
      if (this.socket !== socket) return;
      this.socket = null;
      clearInterval(this.pingTimer);
      this.failPending("connection lost");
      if (!this.stopped) {
        this.scheduleRetry(close.reason || (close.code === 1006 ? "connection lost" : `closed (${close.code})`));
      }
    };
  }

  scheduleRetry(reason) {
    const ceiling = Math.min(this.options.maxRetryMs, this.options.firstRetryMs * 2 ** this.attempt);
    const delayMs = Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
    this.attempt++;
    this.setState(State.RECONNECTING, { reason, retryInMs: delayMs, attempt: this.attempt });
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => this.open(State.CONNECTING), delayMs);
  }

  receive(data) {
    let message;
    try {
      message = JSON.parse(data);
    } catch {
      return;
    }
    if (message === null || typeof message !== "object") return;
    if ("re" in message) {
      const waiting = this.pending.get(message.re);
      if (waiting) {
        this.pending.delete(message.re);
        clearTimeout(waiting.timer);
        waiting.resolve(message);
      }
    } else if (message.ev === "error") {
      this.emit("error", message);
    } else if (typeof message.ev === "string") {
      this.emit("event", message);
    }
  }

  failPending(reason) {
    for (const { reject, timer } of this.pending.values()) {
      clearTimeout(timer);
      reject(new ConnectionError(reason));
    }
    this.pending.clear();
  }

  setState(state, detail = {}) {
    this.state = state;
    this.emit("state", state, detail);
  }

  emit(kind, ...args) {
    for (const listener of [...this.listeners[kind]]) {
      try {
        listener(...args);
      } catch (e) {
        console.error(`cairn-client: a ${kind} listener failed`, e);
      }
    }
  }
}
