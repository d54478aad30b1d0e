// The live leaderboard: the top teams from `board` pushes, and the team's own rank and score.
import { el } from "../common/dom.js";

export class Board {
  constructor(list, you) {
    this.list = list;
    this.you = you;
    this.team = null;
    this.rank = null;
    this.score = 0;
  }

  setTeam(team) {
    this.team = team;
  }

  /** `top`: `[{rank, team, score}]` from a `board` push or reply. */
  setTop(top) {
    this.list.replaceChildren(
      ...top.map((row) =>
        el(
          "li",
          { class: row.team === this.team ? "mine" : undefined, "aria-current": row.team === this.team ? "true" : undefined },
          el("span", { class: "rank" }, `#${row.rank}`),
          el("span", { class: "team" }, row.team),
          el("span", { class: "score" }, String(row.score)),
        ),
      ),
    );
    if (top.length === 0) this.list.append(el("li", { class: "empty" }, "No team has scored yet."));
    const mine = top.find((row) => row.team === this.team);
    if (mine) this.setYou(mine.rank, mine.score);
  }

  setYou(rank, score) {
    if (rank !== undefined && rank !== null) this.rank = rank;
    if (score !== undefined && score !== null) this.score = score;
    this.you.textContent = `Your team: ${this.rank ? `rank #${this.rank}, ` : ""}${this.score} points`;
  }
}
