// JSON over HTTP for the pages: the catalog, the client settings and the admin API. Errors carry
// the server's code and message ({"error": {"code", "message"}}), so pages can show them as is.

/** An HTTP answer other than 2xx, or no answer at all (status 0). */
export class HttpError extends Error {
  constructor(status, code, message) {
    super(message);
    this.name = "HttpError";
    this.status = status;
    this.code = code;
  }
}

/**
 * Fetches `path` and parses the JSON reply. `token`: sent as a bearer token (admin API);
 * `body`: a string (sent as is, with `contentType`) or an object (sent as JSON).
 */
export async function fetchJson(path, { method = "GET", token, body, contentType } = {}) {
  const headers = { Accept: "application/json" };
  if (token) headers.Authorization = `Bearer ${token}`;
  let payload;
  if (body !== undefined) {
    payload = typeof body === "string" ? body : JSON.stringify(body);
    headers["Content-Type"] = contentType || (typeof body === "string" ? "text/plain" : "application/json");
  }
  let response;
  try {
    response = await fetch(path, { method, headers, body: payload, cache: "no-store" });
  } catch (e) {
    throw new HttpError(0, "NETWORK", `cannot reach the server (${e.message})`);
  }
  const text = await response.text();
  let json = null;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
  }
  if (!response.ok) {
    const error = json && json.error ? json.error : {};
    throw new HttpError(
      response.status,
      error.code || `HTTP_${response.status}`,
      error.message || `${method} ${path} answered ${response.status}`,
    );
  }
  return json;
}
