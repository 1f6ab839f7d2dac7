import { inTransaction, type Db, type Tx } from "../../db/client";
import type { DomainEvent, RealtimePort } from "./realtime/port";
import type { Result } from "./result";

/** What a command with consequences on screens needs besides its input (a route's context has both). */
export interface Deps {
  db: Db;
  realtime: RealtimePort;
}

class Refused extends Error {
  constructor(readonly result: { ok: false; code: string; field?: string }) {
    super(result.code);
  }
}

/**
 * A command's writes in one transaction. A refusal returned from inside rolls back whatever
 * was written before it; the events emitted are published only once the transaction has
 * committed, from here and nowhere else.
 */
export function commit<T, Code extends string>(deps: Deps, work: (tx: Tx, emit: (event: DomainEvent) => void) => Result<T, Code>): Result<T, Code> {
  const events: DomainEvent[] = [];
  let result: Result<T, Code>;
  try {
    result = inTransaction(deps.db, (tx) => {
      const outcome = work(tx, (event) => events.push(event));
      if (!outcome.ok) throw new Refused(outcome);
      return outcome;
    });
  } catch (error) {
    if (error instanceof Refused) return error.result as Result<T, Code>;
    throw error;
  }
  deps.realtime.publish(events);
  return result;
}
