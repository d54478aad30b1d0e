package io.cairn.veltrix;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class AnswerNormalizerTest {
  @Test
  void foldsCaseAndDropsEverythingButLettersAndDigits() {
    assertThat(AnswerNormalizer.normalize("Fresnel Lens!")).isEqualTo("fresnellens");
    assertThat(AnswerNormalizer.normalize("fresnel-lens")).isEqualTo("fresnellens");
    assertThat(AnswerNormalizer.normalize("FRESNELLENS")).isEqualTo("fresnellens");
    assertThat(AnswerNormalizer.normalize("  Route 66 ")).isEqualTo("route66");
  }

  @Test
  void removesDiacritics() {
    assertThat(AnswerNormalizer.normalize("Crème Brûlée")).isEqualTo("cremebrulee");
    assertThat(AnswerNormalizer.normalize("Ångström")).isEqualTo("angstrom");
    assertThat(AnswerNormalizer.normalize("São Paulo")).isEqualTo("saopaulo");
  }

  @Test
  void decomposedAndComposedAccentsGiveTheSameAnswer() {
    assertThat(AnswerNormalizer.normalize("cafe\u0301"))
        .isEqualTo(AnswerNormalizer.normalize("café"));
  }

  @Test
  void appliesCompatibilityDecomposition() {
    assertThat(AnswerNormalizer.normalize("ﬁsh")).isEqualTo("fish");
    assertThat(AnswerNormalizer.normalize("ＦＲＥＳＮＥＬ")).isEqualTo("fresnel");
    assertThat(AnswerNormalizer.normalize("x²")).isEqualTo("x2");
  }

  @Test
  void foldsCaseBeyondAscii() {
    assertThat(AnswerNormalizer.normalize("STRASSE"))
        .isEqualTo(AnswerNormalizer.normalize("Straße"));
    assertThat(AnswerNormalizer.normalize("ΟΔΟΣ")).isEqualTo(AnswerNormalizer.normalize("οδος"));
    assertThat(AnswerNormalizer.normalize("Москва!")).isEqualTo("москва");
  }

  @Test
  void keepsLettersOfOtherScripts() {
    assertThat(AnswerNormalizer.normalize("東京 タワー")).isEqualTo("東京タワー");
  }

  @Test
  void givesEmptyForPunctuationOnly() {
    assertThat(AnswerNormalizer.normalize("?!- ...")).isEmpty();
    assertThat(AnswerNormalizer.normalize("")).isEmpty();
  }

  @Test
  void clearsTheOutputBuilderFirst() {
    StringBuilder out = new StringBuilder("stale");
    AnswerNormalizer.normalize("Anchor", out);
    assertThat(out.toString()).isEqualTo("anchor");
    AnswerNormalizer.normalizeForPattern("Old Anchor", out);
    assertThat(out.toString()).isEqualTo("old anchor");
  }

  @Test
  void patternFormKeepsOneSpaceBetweenWords() {
    assertThat(AnswerNormalizer.normalizeForPattern("Fresnel  Lens!")).isEqualTo("fresnel lens");
    assertThat(AnswerNormalizer.normalizeForPattern("  --Fresnel--lens--  "))
        .isEqualTo("fresnel lens");
    assertThat(AnswerNormalizer.normalizeForPattern("Crème  Brûlée")).isEqualTo("creme brulee");
    assertThat(AnswerNormalizer.normalizeForPattern("cafe\u0301 noir")).isEqualTo("cafe noir");
    assertThat(AnswerNormalizer.normalizeForPattern("...")).isEmpty();
  }

  @Test
  void specExamplePatternMatchesThePatternForm() {
    Pattern pattern = Pattern.compile("^fres?nel( lens)?$");
    assertThat(pattern.matcher(AnswerNormalizer.normalizeForPattern("Fresnel  Lens!")).find())
        .isTrue();
    assertThat(pattern.matcher(AnswerNormalizer.normalizeForPattern("FRENEL")).find()).isTrue();
    assertThat(pattern.matcher(AnswerNormalizer.normalizeForPattern("fresnel lenses")).find())
        .isFalse();
  }

  @Test
  void asciiFastPathDoesNotAllocate() {
    var threads =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    StringBuilder out = new StringBuilder(64);
    CharSequence guess = "The Fresnel Lens, of course!";
    for (int i = 0; i < 20_000; i++) {
      AnswerNormalizer.normalize(guess, out);
      AnswerNormalizer.normalizeForPattern(guess, out);
    }
    long threadId = Thread.currentThread().threadId();
    long before = threads.getThreadAllocatedBytes(threadId);
    for (int i = 0; i < 10_000; i++) {
      AnswerNormalizer.normalize(guess, out);
      AnswerNormalizer.normalizeForPattern(guess, out);
    }
    long allocated = threads.getThreadAllocatedBytes(threadId) - before;
    assertThat(allocated).isLessThan(1024);
  }
}
