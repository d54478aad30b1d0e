package io.cairn.veltrix;

import java.util.List;

/** A draft puzzle or treasure with a {@code requires} list, checked against rounds. */
interface Requiring {
  List<Ref> requires();
}
