// Distances and steps on the Earth's surface, for walking and sorting; the server's own
// distances (scan's distanceM) are what the player is shown for treasures.

const EARTH_RADIUS_M = 6_371_008.8;
const toRad = (deg) => (deg * Math.PI) / 180;

/** Great-circle distance in metres. */
export function distanceM(lat1, lon1, lat2, lon2) {
  const dLat = toRad(lat2 - lat1);
  const dLon = toRad(lon2 - lon1);
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(toRad(lat1)) * Math.cos(toRad(lat2)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** The point `fraction` of the way from one point to another (fine for the short steps of a walk). */
export function between(lat1, lon1, lat2, lon2, fraction) {
  return { lat: lat1 + (lat2 - lat1) * fraction, lon: lon1 + (lon2 - lon1) * fraction };
}

/** The point `metres` from (lat, lon) towards `bearingDeg` (0 = north, 90 = east). */
export function offset(lat, lon, bearingDeg, metres) {
  const north = Math.cos(toRad(bearingDeg)) * metres;
  const east = Math.sin(toRad(bearingDeg)) * metres;
  const dLat = (north / EARTH_RADIUS_M) * (180 / Math.PI);
  const dLon = (east / (EARTH_RADIUS_M * Math.cos(toRad(lat)))) * (180 / Math.PI);
  return { lat: lat + dLat, lon: lon + dLon };
}
