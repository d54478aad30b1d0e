package io.cairn.engine.hunt;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every hunt of the engine, by id, for threads that do not own it. Shard threads publish into it
 * (when a hunt is loaded and when its status or counts change); everyone else only reads.
 */
public final class HuntDirectory {
  private final ConcurrentHashMap<String, HuntView> views = new ConcurrentHashMap<>();

  public Optional<HuntView> find(String huntId) {
    return Optional.ofNullable(views.get(huntId));
  }

  /** A copy of the current views, in no particular order. */
  public List<HuntView> views() {
    return new ArrayList<>(views.values());
  }

  public int size() {
    return views.size();
  }

  void put(HuntView view) {
    views.put(view.huntId(), view);
  }
}
