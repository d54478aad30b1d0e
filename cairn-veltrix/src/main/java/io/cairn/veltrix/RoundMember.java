package io.cairn.veltrix;

import java.util.Optional;

/** A draft puzzle or treasure that may name its round, so both resolve rounds the same way. */
interface RoundMember {
  /** The {@code round} it names, absent for the first round. */
  Optional<Ref> round();
}
