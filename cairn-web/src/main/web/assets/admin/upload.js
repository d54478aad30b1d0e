// The "Upload" tab: validates or uploads a hunt file through POST /admin/hunts and shows the
// file with each problem marked at its line (the server reports line and column of every problem).

export class Upload {
  constructor(token, { onUploaded, onUnauthorized }) {
    this.token = token;
    this.onUploaded = onUploaded;
    this.onUnauthorized = onUnauthorized;
    this.text = document.getElementById("upload-text");
    this.result = document.getElementById("upload-result");
    this.listing = document.getElementById("upload-listing");
    document.getElementById("upload-file").addEventListener("change", async (e) => {
      const file = e.target.files[0];
      if (file) this.text.value = await file.text();
    });
    document.getElementById("validate-button").addEventListener("click", () => this.send(true));
    document.getElementById("upload-form").addEventListener("submit", (e) => {
      e.preventDefault();
      this.send(false);
    });
  }

  async send(validateOnly) {
    const text = this.text.value;
    if (!text.trim()) {
      this.show("bad", "Choose a hunt file or paste its text first.");
      return;
    }
    const force = document.getElementById("upload-force").checked;
    const query = validateOnly ? "?validate=true" : force ? "?force=true" : "";
    let response;
    let json = null;
    try {
      response = await fetch(`/admin/hunts${query}`, {
        method: "POST",
        headers: { Authorization: `Bearer ${this.token}`, "Content-Type": "text/yaml" },
        body: text,
        cache: "no-store",
      });
      json = await response.json().catch(() => null);
    } catch (e) {
      this.show("bad", `Cannot reach the server (${e.message}).`);
      return;
    }
    if (response.status === 401) {
      this.onUnauthorized();
      return;
    }
    if (json && Array.isArray(json.problems)) {
      this.listProblems(text, json.problems);
      if (json.valid) this.show("ok", "The file is valid.");
      return;
    }
    this.listing.hidden = true;
    if (json && json.ok) {
      const changes = (json.changes || []).map((c) => c.description).join("; ");
      this.show("ok", `Hunt ${json.hunt} ${json.changes ? "reloaded" : "loaded"}.${changes ? ` Changes: ${changes}` : ""}`);
      this.onUploaded(json.hunt);
      return;
    }
    const error = (json && json.error) || {};
    this.show("bad", `Not uploaded: ${error.code || response.status}: ${error.message || "the server refused the file"}`);
  }

  listProblems(text, problems) {
    const byLine = new Map();
    for (const p of problems) {
      if (!byLine.has(p.line)) byLine.set(p.line, []);
      byLine.get(p.line).push(p);
    }
    const lines = text.split(/\r?\n/);
    const items = lines.map((line, i) => {
      const li = document.createElement("li");
      li.textContent = line || " ";
      const here = byLine.get(i + 1);
      if (here) {
        li.className = "problem";
        li.id = `problem-line-${i + 1}`;
        for (const p of here) {
          const message = document.createElement("span");
          message.className = "message";
          message.textContent = `line ${p.line}, column ${p.column}: ${p.message}${p.key ? ` (${p.key})` : ""}`;
          li.append(message);
        }
      }
      return li;
    });
    this.listing.replaceChildren(...items);
    this.listing.hidden = problems.length === 0;
    if (problems.length > 0) {
      const elsewhere = problems.filter((p) => !(p.line >= 1 && p.line <= lines.length));
      const summary = `${problems.length} problem${problems.length === 1 ? "" : "s"}, marked at their lines below`;
      this.show(
        "bad",
        elsewhere.length
          ? `${summary}; ${elsewhere.map((p) => p.message).join("; ")}`
          : `${summary}.`,
      );
      const first = this.listing.querySelector(".problem");
      if (first) first.scrollIntoView({ block: "nearest" });
    }
  }

  show(kind, message) {
    this.result.hidden = false;
    this.result.className = kind === "bad" ? "error" : "";
    this.result.textContent = message;
  }
}
