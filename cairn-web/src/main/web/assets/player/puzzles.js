// The puzzles the team can see: text, a guess form with the server's feedback (correct, wrong,
// a "keep going" partial answer, rate limited with a countdown), hints with their cost.
import { el, formatTime } from "../common/dom.js";
import { countdown } from "./countdown.js";
import { loadHints, saveHint } from "./storage.js";

export class PuzzleList {
  /** `game`: request(op, args), token(), onScore(reply), refreshState(), huntStatus(), roundTitle(id). */
  constructor(list, game) {
    this.list = list;
    this.game = game;
    this.cards = new Map();
  }

  /** Shows `puzzles` (from state): keeps the cards (and what was typed) of known puzzles. */
  render(puzzles) {
    const hints = loadHints(this.game.token());
    const seen = new Set();
    for (const puzzle of puzzles) {
      seen.add(puzzle.id);
      let card = this.cards.get(puzzle.id);
      if (!card) {
        card = new PuzzleCard(puzzle, this.game);
        this.cards.set(puzzle.id, card);
      }
      card.update(puzzle, hints[puzzle.id] || []);
    }
    for (const [id, card] of this.cards) {
      if (!seen.has(id)) {
        card.root.remove();
        this.cards.delete(id);
      }
    }
    this.list.replaceChildren(...puzzles.map((p) => this.cards.get(p.id).root));
    if (puzzles.length === 0) this.list.append(el("li", { class: "empty" }, "No puzzle is open to your team yet."));
  }

  markSolved(puzzleId) {
    this.cards.get(puzzleId)?.solved();
  }
}

class PuzzleCard {
  constructor(puzzle, game) {
    this.game = game;
    this.id = puzzle.id;
    const inputId = `answer-${puzzle.id}`;
    this.title = el("h3");
    this.points = el("span", { class: "points" });
    this.round = el("span", { class: "round" });
    this.state = el("span", { class: "badge" });
    this.text = el("p", { class: "puzzle-text" });
    this.input = el("input", { id: inputId, name: "answer", maxlength: 200, autocomplete: "off", required: true });
    this.submit = el("button", { type: "submit" }, "Guess");
    this.feedback = el("p", { class: "feedback guess-feedback", role: "status", "aria-live": "polite" });
    this.form = el(
      "form",
      { class: "guess", onsubmit: (e) => this.guess(e) },
      el("label", { for: inputId }, "Your answer"),
      el("div", { class: "row" }, this.input, this.submit),
    );
    this.hintButton = el("button", { type: "button", class: "secondary", onclick: () => this.hint() }, "Get a hint");
    this.hintNote = el("p", { class: "help" }, "A hint costs points: the cost is taken from your team's score.");
    this.hintFeedback = el("p", { class: "feedback hint-feedback", role: "status", "aria-live": "polite" });
    this.hints = el("ol", { class: "hints" });
    this.root = el(
      "li",
      { class: "puzzle", "data-puzzle": puzzle.id },
      el("div", { class: "puzzle-head" }, this.title, this.points, this.round, this.state),
      this.text,
      this.form,
      this.feedback,
      el("div", { class: "hint-box" }, this.hints, this.hintButton, this.hintNote, this.hintFeedback),
    );
  }

  update(puzzle, hints) {
    this.title.textContent = puzzle.title;
    this.points.textContent = `${puzzle.points} points`;
    this.text.textContent = puzzle.text;
    this.round.textContent = this.game.roundTitle(puzzle.round);
    this.hints.replaceChildren(...hints.map((h) => el("li", {}, h.text, el("span", { class: "cost" }, ` (cost ${h.cost})`))));
    if (puzzle.hintsTaken > hints.length) {
      this.hints.append(el("li", { class: "help" }, `${puzzle.hintsTaken - hints.length} hint(s) taken on another device`));
    }
    if (puzzle.solved) this.solved();
  }

  solved() {
    this.root.classList.add("solved");
    this.state.textContent = "Solved";
    this.form.hidden = true;
    this.hintButton.hidden = true;
    this.hintNote.hidden = true;
  }

  async guess(event) {
    event.preventDefault();
    const answer = this.input.value.trim();
    if (!answer) return;
    this.submit.disabled = true;
    this.show("", "Checking…");
    let reply;
    try {
      reply = await this.game.request("guess", { puzzle: this.id, answer });
    } catch (e) {
      this.submit.disabled = false;
      this.show("error", `Not sent: ${e.message}`);
      return;
    }
    this.submit.disabled = false;
    if (reply.ok) {
      this.game.onScore(reply);
      if (reply.correct) {
        this.show("correct", `Correct! +${reply.points} points`);
        this.solved();
        this.game.refreshState();
      } else if (reply.message) {
        this.show("partial", `Keep going: ${reply.message}`);
        this.input.select();
      } else {
        this.show("wrong", `“${answer}” is not the answer. Try again.`);
        this.input.select();
      }
      return;
    }
    const code = reply.error.code;
    if (code === "RATE_LIMITED") {
      this.feedback.className = "feedback guess-feedback wrong";
      countdown(this.submit, this.feedback, reply.retryAfterMs || 1000, "You can guess again.");
    } else if (code === "ALREADY_SOLVED") {
      this.show("correct", "Your team has already solved this puzzle.");
      this.solved();
    } else if (code === "HUNT_NOT_RUNNING") {
      this.show("error", huntNotRunning(reply.status || this.game.huntStatus()));
    } else {
      this.show("error", reply.error.message);
    }
  }

  async hint() {
    this.hintButton.disabled = true;
    let reply;
    try {
      reply = await this.game.request("hint", { puzzle: this.id });
    } catch (e) {
      this.hintButton.disabled = false;
      this.hintFeedback.textContent = `Not sent: ${e.message}`;
      return;
    }
    this.hintButton.disabled = false;
    if (reply.ok) {
      saveHint(this.game.token(), this.id, { text: reply.hint, cost: reply.cost });
      this.hints.append(el("li", {}, reply.hint, el("span", { class: "cost" }, ` (cost ${reply.cost})`)));
      this.hintFeedback.textContent = `Hint taken: −${reply.cost} points.`;
      this.game.onScore(reply);
    } else if (reply.error.code === "NO_HINT_AVAILABLE" && reply.availableAtMs) {
      this.hintFeedback.textContent = `The next hint is available at ${formatTime(reply.availableAtMs)}.`;
    } else if (reply.error.code === "NO_HINT_AVAILABLE") {
      this.hintFeedback.textContent = "No more hints for this puzzle.";
    } else {
      this.hintFeedback.textContent = reply.error.message;
    }
  }

  show(kind, text) {
    this.feedback.className = `feedback guess-feedback ${kind}`;
    this.feedback.textContent = text;
  }
}

/** What to tell a player whose action was refused because the hunt is not running. */
export function huntNotRunning(status) {
  switch (status) {
    case "paused":
      return "The hunt is paused: try again when the organiser resumes it.";
    case "ended":
      return "The hunt has ended.";
    case "scheduled":
      return "The hunt has not started yet.";
    default:
      return "The hunt is not running.";
  }
}
