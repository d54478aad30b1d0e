package io.cairn.veltrix;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;

class AnswerNormalizerPropertiesTest {
  /** An accented letter sends the whole input down the Unicode path; it must agree with ASCII. */
  @Property
  void asciiFastPathAgreesWithTheUnicodePath(
      @ForAll @CharRange(from = ' ', to = '~') @StringLength(max = 60) String ascii) {
    assertThat(AnswerNormalizer.normalize(ascii + "é"))
        .isEqualTo(AnswerNormalizer.normalize(ascii) + "e");
    String patternForm = AnswerNormalizer.normalizeForPattern(ascii);
    assertThat(AnswerNormalizer.normalizeForPattern(ascii + " é"))
        .isEqualTo(patternForm.isEmpty() ? "e" : patternForm + " e");
  }

  @Property
  void keepsOnlyLowerCaseLettersAndDigitsOfAscii(
      @ForAll @CharRange(from = ' ', to = '~') @StringLength(max = 60) String ascii) {
    assertThat(AnswerNormalizer.normalize(ascii)).matches("[a-z0-9]*");
    assertThat(AnswerNormalizer.normalizeForPattern(ascii)).matches("([a-z0-9]+( [a-z0-9]+)*)?");
  }

  @Property
  void patternFormWithoutSpacesIsTheAnswerForm(@ForAll @StringLength(max = 40) String any) {
    assertThat(AnswerNormalizer.normalizeForPattern(any).replace(" ", ""))
        .isEqualTo(AnswerNormalizer.normalize(any));
  }
}
