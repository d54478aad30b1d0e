package io.cairn.server.http;

import io.cairn.engine.Engine;
import io.cairn.engine.LocalClient;
import io.cairn.server.HttpRoute;
import io.cairn.server.OrganiserFeed;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;

/** The server's HTTP routes in the order the router should offer them requests. */
public final class HttpRoutes {
  private HttpRoutes() {}

  /**
   * Health, metrics, catalog, client settings, OpenAPI, admin, then static files last: the static
   * route answers 404 for every GET it cannot serve. {@code organiser} is the session admin
   * commands are sent from, opened on the {@link LocalClient} that receives the engine's replies to
   * it; {@code feed} (the gateway's) serves the organisers' event streams and board history; {@code
   * benchDir} holds the runs of cairn bench the dashboard lists.
   */
  public static List<HttpRoute> standard(
      Engine engine,
      BooleanSupplier ready,
      ServerMetrics metrics,
      AdminToken adminToken,
      LocalClient.Session organiser,
      ClientConfigRoute clientConfig,
      OrganiserFeed feed,
      Path benchDir) {
    return List.of(
        HealthRoutes.of(ready, engine),
        new MetricsRoute(metrics),
        new CatalogRoute(engine.directory()),
        clientConfig,
        new OpenApiRoute(),
        new BenchRoute(adminToken, benchDir),
        new AdminRoute(adminToken, engine.directory(), organiser, feed, metrics.health()),
        new StaticRoute());
  }
}
