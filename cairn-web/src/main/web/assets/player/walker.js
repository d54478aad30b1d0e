// The player's position: walks (desktop and testing: towards a point, in steps the server's
// impossible-travel check accepts) or follows the browser's geolocation. Every position goes to
// the server as a `move`; the server's answer decides, the walker only adapts its step to it.
import { between, distanceM, offset } from "./geo.js";

const STEP_M = 25;
const STEP_EVERY_MS = 250;
const GPS_EVERY_MS = 2000;
const ARRIVED_M = 0.5;

export class Walker {
  /**
   * `move(lat, lon)` resolves with the server's reply; listeners: `onPosition(lat, lon)` after an
   * accepted move, `onStatus(text)` for what the walker is doing, `onArrive()` after a walk ends
   * at its target.
   */
  constructor(move, { onPosition, onStatus, onArrive }) {
    this.move = move;
    this.onPosition = onPosition;
    this.onStatus = onStatus;
    this.onArrive = onArrive;
    this.position = null;
    this.target = null;
    this.walking = false;
    this.stepM = STEP_M;
    this.watchId = null;
    this.lastGpsMs = 0;
  }

  /** Forgets the position (a new session). */
  reset() {
    this.stop();
    this.position = null;
  }

  /** Walks to (lat, lon); a walk under way turns towards the new target. */
  walkTo(lat, lon) {
    this.stopGps();
    this.target = { lat, lon };
    if (!this.walking) this.loop();
  }

  /** Walks `metres` towards `bearingDeg` from where the player is (arrow keys, the pad). */
  stepTowards(bearingDeg, metres) {
    if (!this.position) return;
    const from = this.target && this.walking ? this.target : this.position;
    const to = offset(from.lat, from.lon, bearingDeg, metres);
    this.walkTo(to.lat, to.lon);
  }

  /** Stops walking where the player is. */
  stop() {
    this.target = null;
    this.stopGps();
  }

  get usingGps() {
    return this.watchId !== null;
  }

  /** Follows the device's position (a phone's GPS); false when the browser has no geolocation. */
  startGps() {
    if (!("geolocation" in navigator)) {
      this.onStatus("This browser cannot tell your location; walk on the map instead.");
      return false;
    }
    this.target = null;
    this.onStatus("Waiting for your location…");
    this.watchId = navigator.geolocation.watchPosition(
      (p) => this.gpsPosition(p.coords.latitude, p.coords.longitude),
      (error) => {
        this.stopGps();
        this.onStatus(
          error.code === error.PERMISSION_DENIED
            ? "Location permission refused; walk on the map instead."
            : `Your location is not available (${error.message}); walk on the map instead.`,
        );
      },
      { enableHighAccuracy: true, maximumAge: 5000, timeout: 30_000 },
    );
    return true;
  }

  stopGps() {
    if (this.watchId !== null) navigator.geolocation.clearWatch(this.watchId);
    this.watchId = null;
  }

  async gpsPosition(lat, lon) {
    const now = Date.now();
    if (now - this.lastGpsMs < GPS_EVERY_MS) return;
    this.lastGpsMs = now;
    const reply = await this.send(lat, lon);
    if (reply && reply.ok) {
      this.onStatus("Following your location.");
    } else if (reply && reply.error.code === "IMPOSSIBLE_MOVE") {
      this.onStatus(
        `Your location is ${Math.round(reply.distanceM)} m from your last position, more than the hunt allows at once; move closer or walk on the map.`,
      );
    }
  }

  async loop() {
    this.walking = true;
    try {
      while (this.target) {
        const target = this.target;
        if (!this.position) {
          if (!(await this.send(target.lat, target.lon))?.ok) return;
          continue;
        }
        const leftM = distanceM(this.position.lat, this.position.lon, target.lat, target.lon);
        if (leftM <= ARRIVED_M) {
          this.target = null;
          this.onStatus("");
          this.onArrive();
          return;
        }
        const stepM = Math.min(leftM, this.stepM);
        const next = between(this.position.lat, this.position.lon, target.lat, target.lon, stepM / leftM);
        this.onStatus(`Walking… ${Math.round(leftM)} m to go`);
        const reply = await this.send(next.lat, next.lon);
        if (!reply) return;
        if (reply.ok) {
          this.stepM = Math.min(STEP_M, this.stepM * 1.5);
          await sleep(STEP_EVERY_MS);
        } else if (reply.error.code === "IMPOSSIBLE_MOVE") {
          // Faster than the hunt allows: shorter steps, and a pause to let time catch up.
          this.stepM = Math.max(1, Math.min(this.stepM, (reply.allowedM || STEP_M) * 0.8));
          await sleep(1000);
        } else {
          return;
        }
      }
    } finally {
      this.walking = false;
    }
  }

  /** Sends one move; null (after telling why) when it failed for another reason than speed. */
  async send(lat, lon) {
    let reply;
    try {
      reply = await this.move(lat, lon);
    } catch (e) {
      this.target = null;
      this.onStatus(`Not moved: ${e.message}`);
      return null;
    }
    if (reply.ok) {
      this.position = { lat, lon };
      this.onPosition(lat, lon);
      return reply;
    }
    if (reply.error.code !== "IMPOSSIBLE_MOVE") {
      this.target = null;
      this.onStatus(`Not moved: ${reply.error.message}`);
      return null;
    }
    return reply;
  }
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
