package io.cairn.engine.hunt;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Resume tokens: {@code huntId.playerIdx.mac}, the mac being the first 16 bytes of
 * HMAC-SHA256(secret, "huntId.playerIdx") in base64url. A token proves the server issued it for
 * that player, so a client resumes without any server-side session store. Join is not on the hot
 * path, so this class allocates freely.
 */
final class PlayerTokens {
  private static final int MAC_BYTES = 16;

  private final Mac mac;

  PlayerTokens(byte[] secret) {
    try {
      mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.length == 0 ? new byte[1] : secret, "HmacSHA256"));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  String issue(String huntId, int playerIdx) {
    String subject = huntId + "." + playerIdx;
    return subject + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(sign(subject));
  }

  /** The hunt id a token names, or "" when it is not shaped like a token. */
  static String huntIdOf(CharSequence token) {
    String s = token.toString();
    int second = s.lastIndexOf('.');
    int first = second > 0 ? s.lastIndexOf('.', second - 1) : -1;
    return first > 0 ? s.substring(0, first) : "";
  }

  /** The player index a valid token was issued for, or -1 when forged or malformed. */
  int verify(CharSequence token) {
    String s = token.toString();
    int second = s.lastIndexOf('.');
    int first = second > 0 ? s.lastIndexOf('.', second - 1) : -1;
    if (first <= 0) {
      return -1;
    }
    int playerIdx;
    try {
      playerIdx = Integer.parseInt(s, first + 1, second, 10);
    } catch (NumberFormatException e) {
      return -1;
    }
    if (playerIdx < 0) {
      return -1;
    }
    byte[] given;
    try {
      given = Base64.getUrlDecoder().decode(s.substring(second + 1));
    } catch (IllegalArgumentException e) {
      return -1;
    }
    byte[] expected = sign(s.substring(0, second));
    return MessageDigest.isEqual(given, expected) ? playerIdx : -1;
  }

  private byte[] sign(String subject) {
    byte[] full = mac.doFinal(subject.getBytes(StandardCharsets.UTF_8));
    byte[] truncated = new byte[MAC_BYTES];
    System.arraycopy(full, 0, truncated, 0, MAC_BYTES);
    return truncated;
  }
}
