// A hunt's live events for the organiser (GET /admin/hunts/{id}/events, Server-Sent Events).
// EventSource cannot send an Authorization header, so this reads the stream with fetch and a
// ReadableStream, and reconnects with backoff when it ends (the server drops a reader that falls
// behind; the dashboard then reloads what it shows, see the "open" state).

const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 15_000;

export class EventStream {
  /**
   * `onEvent(event)` for every event (the parsed JSON players get); `onState(state, detail)`
   * with "connecting", "open" (after every (re)connect), "reconnecting" or "unauthorized".
   */
  constructor(path, token, { onEvent, onState }) {
    this.path = path;
    this.token = token;
    this.onEvent = onEvent;
    this.onState = onState;
    this.controller = null;
    this.stopped = false;
    this.retryMs = FIRST_RETRY_MS;
    this.timer = null;
  }

  start() {
    this.stopped = false;
    this.connect();
    return this;
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.timer);
    if (this.controller) this.controller.abort();
  }

  async connect() {
    if (this.stopped) return;
    this.controller = new AbortController();
    this.onState("connecting");
    let response;
    try {
      response = await fetch(this.path, {
        headers: { Authorization: `Bearer ${this.token}`, Accept: "text/event-stream" },
        cache: "no-store",
        signal: this.controller.signal,
      });
    } catch (e) {
      this.retry(`cannot reach the server (${e.message})`);
      return;
    }
    if (response.status === 401) {
      this.stopped = true;
      this.onState("unauthorized");
      return;
    }
    if (!response.ok || !response.body) {
      this.retry(`the server answered ${response.status}`);
      return;
    }
    this.retryMs = FIRST_RETRY_MS;
    this.onState("open");
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = "";
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let end;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          this.dispatch(block);
        }
      }
      this.retry("the stream ended");
    } catch (e) {
      this.retry(`the stream broke (${e.message})`);
    }
  }

  dispatch(block) {
    const data = block
      .split("\n")
      .filter((line) => line.startsWith("data:"))
      .map((line) => line.slice(line.startsWith("data: ") ? 6 : 5))
      .join("\n");
    if (!data) return; // a comment (heartbeat)
    try {
      this.onEvent(JSON.parse(data));
    } catch (e) {
      console.warn("unreadable event", data, e);
    }
  }

  retry(reason) {
    if (this.stopped) return;
    this.onState("reconnecting", { reason, inMs: this.retryMs });
    this.timer = setTimeout(() => this.connect(), this.retryMs);
    this.retryMs = Math.min(MAX_RETRY_MS, this.retryMs * 2);
  }
}
