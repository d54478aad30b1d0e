// The live event feed: claims, solves, unlocks, announcements and status changes, newest first.
import { el, formatTime } from "../common/dom.js";

const MAX_ITEMS = 50;

export class Feed {
  constructor(list) {
    this.list = list;
  }

  add(text, kind = "", atMs = Date.now()) {
    this.list.querySelector(".empty")?.remove();
    this.list.prepend(el("li", { class: kind }, el("time", { datetime: new Date(atMs).toISOString() }, formatTime(atMs)), " ", text));
    while (this.list.children.length > MAX_ITEMS) this.list.lastElementChild.remove();
  }

  clear() {
    this.list.replaceChildren(el("li", { class: "empty" }, "What happens in the hunt appears here."));
  }
}
