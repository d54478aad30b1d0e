// What the player client keeps in the browser's local storage: the session (hunt, token, name)
// so a reload or a new tab resumes the same player, the texts of hints already taken (the
// server's state only counts them) and the last accepted position (state does not tell it).

const SESSION_KEY = "cairn.session";
const HINTS_PREFIX = "cairn.hints.";
const POSITION_PREFIX = "cairn.position.";

function read(key) {
  try {
    const text = localStorage.getItem(key);
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

function write(key, value) {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or disabled (private mode): the game goes on, only resuming is lost.
  }
}

/** `{hunt, token, player, team}` of the last join, or null. */
export function loadSession() {
  const session = read(SESSION_KEY);
  return session && typeof session.token === "string" && typeof session.hunt === "string" ? session : null;
}

export function saveSession(session) {
  write(SESSION_KEY, session);
}

export function clearSession() {
  const session = loadSession();
  localStorage.removeItem(SESSION_KEY);
  if (session) {
    localStorage.removeItem(HINTS_PREFIX + session.token);
    localStorage.removeItem(POSITION_PREFIX + session.token);
  }
}

/** The last position the server accepted for this token, `{lat, lon}`, or null. */
export function loadPosition(token) {
  const p = read(POSITION_PREFIX + token);
  return p && Number.isFinite(p.lat) && Number.isFinite(p.lon) ? p : null;
}

export function savePosition(token, lat, lon) {
  write(POSITION_PREFIX + token, { lat, lon });
}

/** `{puzzleId: [{text, cost}]}` for this token. */
export function loadHints(token) {
  return read(HINTS_PREFIX + token) || {};
}

export function saveHint(token, puzzleId, hint) {
  const hints = loadHints(token);
  (hints[puzzleId] ||= []).push(hint);
  write(HINTS_PREFIX + token, hints);
}
