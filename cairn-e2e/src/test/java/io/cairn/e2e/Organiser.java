package io.cairn.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The organiser of a browser test, speaking the admin HTTP API with the server's token, as the
 * dashboard or {@code curl} would: every call fails the test with the server's answer unless it
 * succeeded.
 */
public final class Organiser {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final String baseUrl;
  private final String token;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

  Organiser(String baseUrl, String token) {
    this.baseUrl = baseUrl;
    this.token = token;
  }

  /** Loads (or reloads) a hunt file's text; answers the hunt id. */
  public String upload(String huntText) {
    return post("/admin/hunts", huntText).path("hunt").asText();
  }

  public JsonNode start(String huntId) {
    return post("/admin/hunts/" + huntId + "/start", "");
  }

  public JsonNode pause(String huntId) {
    return post("/admin/hunts/" + huntId + "/pause", "");
  }

  public JsonNode resume(String huntId) {
    return post("/admin/hunts/" + huntId + "/resume", "");
  }

  public JsonNode end(String huntId) {
    return post("/admin/hunts/" + huntId + "/end", "");
  }

  public JsonNode announce(String huntId, String message) {
    return post("/admin/hunts/" + huntId + "/announce", message);
  }

  /** The hunt's board as the admin API reports it. */
  public JsonNode board(String huntId) {
    return send(request("/admin/hunts/" + huntId + "/board").GET().build());
  }

  private JsonNode post(String path, String body) {
    return send(request(path).POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(baseUrl + path))
        .timeout(TIMEOUT)
        .header("Authorization", "Bearer " + token);
  }

  private JsonNode send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        throw new AssertionError(
            request.method()
                + " "
                + request.uri().getPath()
                + " answered "
                + response.statusCode()
                + ": "
                + response.body());
      }
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException("admin API " + request.uri(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted calling the admin API", e);
    }
  }
}
