// The treasures the last scan found, nearest first, each with its distance, a way to walk
// there, and a claim form with the optional claim code.
import { el, formatDistance } from "../common/dom.js";
import { countdown } from "./countdown.js";
import { huntNotRunning } from "./puzzles.js";

export class NearbyList {
  /** `game`: request(op, args), onScore(reply), walkTo(lat, lon), treasureClaimed(id), huntStatus(). */
  constructor(list, empty, game) {
    this.list = list;
    this.empty = empty;
    this.game = game;
    this.items = new Map();
  }

  /** Before the first scan. */
  showMessage(text) {
    this.list.replaceChildren();
    this.empty.textContent = text;
  }

  render(treasures) {
    this.empty.textContent = treasures.length === 0 ? "No treasure within reach of a scan here: walk on and scan again." : "";
    const items = treasures.map((t) => {
      let item = this.items.get(t.id);
      if (!item) {
        item = new NearbyItem(t, this.game);
        this.items.set(t.id, item);
      }
      item.update(t);
      return item.root;
    });
    this.list.replaceChildren(...items);
  }
}

class NearbyItem {
  constructor(treasure, game) {
    this.game = game;
    this.id = treasure.id;
    const codeId = `code-${treasure.id}`;
    this.name = el("strong");
    this.distance = el("span", { class: "distance" });
    this.state = el("span", { class: "badge" });
    this.walk = el("button", { type: "button", class: "secondary", onclick: () => game.walkTo(this.lat, this.lon) }, "Walk here");
    this.code = el("input", { id: codeId, name: "code", autocomplete: "off", maxlength: 64 });
    this.claim = el("button", { type: "submit" }, "Claim");
    this.feedback = el("p", { class: "feedback", role: "status", "aria-live": "polite" });
    this.form = el(
      "form",
      { class: "claim", onsubmit: (e) => this.submit(e) },
      el("label", { for: codeId }, "Claim code (if the place shows one)"),
      el("div", { class: "row" }, this.code, this.claim),
    );
    this.root = el(
      "li",
      { class: "treasure", "data-treasure": treasure.id },
      el("div", { class: "treasure-head" }, this.name, this.distance, this.state),
      el("div", { class: "row" }, this.walk),
      this.form,
      this.feedback,
    );
  }

  update(t) {
    this.lat = t.lat;
    this.lon = t.lon;
    this.name.textContent = t.name;
    this.distance.textContent = formatDistance(t.distanceM);
    this.root.classList.toggle("claimed", t.claimed);
    this.state.textContent = t.claimed ? "Claimed by your team" : "";
    this.form.hidden = t.claimed;
  }

  async submit(event) {
    event.preventDefault();
    const code = this.code.value.trim();
    this.claim.disabled = true;
    this.show("", "Claiming…");
    let reply;
    try {
      reply = await this.game.request("claim", code ? { treasure: this.id, code } : { treasure: this.id });
    } catch (e) {
      this.claim.disabled = false;
      this.show("error", `Not sent: ${e.message}`);
      return;
    }
    this.claim.disabled = false;
    if (reply.ok) {
      this.show("correct", `Claimed! +${reply.points} points${reply.first ? " (first team to find it)" : ""}`);
      this.game.onScore(reply);
      this.game.treasureClaimed(this.id);
      return;
    }
    switch (reply.error.code) {
      case "TOO_FAR":
        this.show(
          "wrong",
          reply.distanceM === undefined
            ? "You are too far away: walk closer first."
            : `You are ${formatDistance(reply.distanceM)} away: come within ${formatDistance(reply.allowedM)}.`,
        );
        break;
      case "WRONG_CODE":
        this.show("wrong", code ? "That code is not right: check the place again." : "This treasure needs its claim code.");
        this.code.focus();
        break;
      case "ALREADY_CLAIMED":
        this.show("correct", "Your team has already claimed it.");
        this.game.treasureClaimed(this.id);
        break;
      case "RATE_LIMITED":
        this.feedback.className = "feedback wrong";
        countdown(this.claim, this.feedback, reply.retryAfterMs || 1000, "You can claim again.");
        break;
      case "HUNT_NOT_RUNNING":
        this.show("error", huntNotRunning(reply.status || this.game.huntStatus()));
        break;
      default:
        this.show("error", reply.error.message);
    }
  }

  show(kind, text) {
    this.feedback.className = `feedback ${kind}`;
    this.feedback.textContent = text;
  }
}
