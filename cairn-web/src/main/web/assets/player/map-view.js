// The Leaflet map: the player's position, the treasures the last scan found, and the point the
// player is walking to. Markers are vector circles, so the map stays useful without tiles (no
// network, or map-tiles-url empty): a blank background with the positions on it.
import { formatDistance } from "../common/dom.js";

const PLAYER_STYLE = { radius: 9, color: "#ffffff", weight: 3, fillColor: "#1f6feb", fillOpacity: 1 };
const TREASURE_STYLE = { radius: 10, color: "#7a4b00", weight: 2, fillColor: "#f2b705", fillOpacity: 0.95 };
const CLAIMED_STYLE = { radius: 10, color: "#1a5e20", weight: 2, fillColor: "#5cb85c", fillOpacity: 0.95 };
const TARGET_STYLE = { radius: 5, color: "#1f6feb", weight: 2, fill: false, dashArray: "3" };

export class MapView {
  /**
   * `onPick(lat, lon)`: the player clicked the map (walk there). `onKeyStep(bearingDeg)`: an
   * arrow key while the map has focus. `onTilesFailed()`: tiles could not be loaded.
   */
  constructor(container, { tilesUrl, attribution, center, onPick, onKeyStep, onTilesFailed }) {
    this.container = container;
    this.treasureLayer = null;
    this.player = null;
    this.target = null;
    this.available = typeof window.L !== "undefined";
    if (!this.available) return;
    const L = window.L;
    const start = center ? [center.lat, center.lon] : [0, 0];
    this.map = L.map(container, { keyboard: false, zoomControl: true, attributionControl: true }).setView(
      start,
      center ? 16 : 2,
    );
    if (tilesUrl) {
      let failed = false;
      L.tileLayer(tilesUrl, { maxZoom: 19, attribution: escapeHtml(attribution || "") })
        .on("tileerror", () => {
          if (!failed) {
            failed = true;
            onTilesFailed();
          }
        })
        .addTo(this.map);
    }
    this.treasureLayer = L.layerGroup().addTo(this.map);
    this.map.on("click", (e) => onPick(e.latlng.lat, e.latlng.lng));
    container.addEventListener("keydown", (e) => {
      const bearing = { ArrowUp: 0, ArrowRight: 90, ArrowDown: 180, ArrowLeft: 270 }[e.key];
      if (bearing === undefined || e.altKey || e.ctrlKey || e.metaKey) return;
      e.preventDefault();
      onKeyStep(bearing, e.shiftKey ? 50 : 10);
    });
  }

  setPlayer(lat, lon, follow) {
    if (!this.available) return;
    const L = window.L;
    if (!this.player) {
      this.player = L.circleMarker([lat, lon], PLAYER_STYLE).bindTooltip("You").addTo(this.map);
      this.map.setView([lat, lon], Math.max(this.map.getZoom(), 16));
      return;
    }
    this.player.setLatLng([lat, lon]);
    if (follow && !this.map.getBounds().pad(-0.15).contains([lat, lon])) this.map.panTo([lat, lon]);
  }

  setTarget(point) {
    if (!this.available) return;
    if (this.target) this.target.remove();
    this.target = point ? window.L.circleMarker([point.lat, point.lon], TARGET_STYLE).addTo(this.map) : null;
  }

  /** The treasures of the last scan: `[{id, name, lat, lon, distanceM, claimed}]`. */
  setTreasures(treasures) {
    if (!this.available) return;
    this.treasureLayer.clearLayers();
    for (const t of treasures) {
      window.L.circleMarker([t.lat, t.lon], t.claimed ? CLAIMED_STYLE : TREASURE_STYLE)
        .bindTooltip(`${t.name} · ${formatDistance(t.distanceM)}${t.claimed ? " · claimed" : ""}`)
        .addTo(this.treasureLayer);
    }
    this.player?.bringToFront();
  }

  /** Leaflet measures its container once; call when the map's box changed size. */
  refresh() {
    if (this.available) this.map.invalidateSize();
  }

  remove() {
    if (this.available) this.map.remove();
  }
}

function escapeHtml(text) {
  const span = document.createElement("span");
  span.textContent = text;
  return span.innerHTML;
}
