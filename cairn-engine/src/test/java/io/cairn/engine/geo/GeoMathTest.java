package io.cairn.engine.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GeoMathTest {
  @Test
  void samePointIsZeroMetresAway() {
    assertThat(GeoMath.distanceM(59.3251, 18.0711, 59.3251, 18.0711)).isZero();
  }

  @Test
  void oneDegreeOfLatitudeIsAbout111Kilometres() {
    assertThat(GeoMath.distanceM(0, 0, 1, 0)).isCloseTo(111_195.08, within(0.01));
  }

  @Test
  void knownCityDistanceMatchesTheSphericalModel() {
    double stockholmToGothenburgM = GeoMath.distanceM(59.3293, 18.0686, 57.7089, 11.9746);
    assertThat(stockholmToGothenburgM).isCloseTo(396_893, within(1.0));
  }

  @Test
  void crossingTheAntimeridianIsTheShortWay() {
    double acrossM = GeoMath.distanceM(0, 179.9995, 0, -179.9995);
    assertThat(acrossM).isCloseTo(GeoMath.distanceM(0, 0, 0, 0.001), within(1e-6));
  }

  @Test
  void allLongitudesMeetAtThePole() {
    assertThat(GeoMath.distanceM(90, 0, 90, 123)).isCloseTo(0, within(1e-6));
    assertThat(GeoMath.distanceM(89.999, 0, 89.999, 180)).isCloseTo(222.39, within(0.01));
  }

  @Test
  void antipodesAreHalfTheCircumferenceApartWithinHaversineRounding() {
    assertThat(GeoMath.distanceM(10, 20, -10, -160))
        .isCloseTo(Math.PI * GeoMath.EARTH_RADIUS_M, within(0.5));
  }

  @Test
  void isSymmetric() {
    assertThat(GeoMath.distanceM(12.5, -70.1, -33.2, 150.7))
        .isEqualTo(GeoMath.distanceM(-33.2, 150.7, 12.5, -70.1));
  }
}
