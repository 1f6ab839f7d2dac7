/**
 * How many commands one socket may send: a bucket that holds `burst` and refills at
 * `perSecond`. A facilitator clicking fast stays well inside it; a client that floods is
 * refused, and disconnected once it has been refused `disconnectAfter` times in a row.
 */
export interface BudgetPolicy {
  burst: number;
  perSecond: number;
  disconnectAfter: number;
}

export const COMMAND_BUDGET: BudgetPolicy = { burst: 40, perSecond: 10, disconnectAfter: 40 };

export interface Budget {
  tokens: number;
  at: number;
  refusedInARow: number;
}

export const fullBudget = (policy: BudgetPolicy, now: number): Budget => ({ tokens: policy.burst, at: now, refusedInARow: 0 });

export type Spend = "allowed" | "refused" | "disconnect";

/** Takes one command from the budget (changing it in place); says what to do with the command. */
export function spend(budget: Budget, policy: BudgetPolicy, now: number): Spend {
  budget.tokens = Math.min(policy.burst, budget.tokens + (Math.max(0, now - budget.at) / 1000) * policy.perSecond);
  budget.at = now;
  if (budget.tokens >= 1) {
    budget.tokens -= 1;
    budget.refusedInARow = 0;
    return "allowed";
  }
  budget.refusedInARow += 1;
  return budget.refusedInARow >= policy.disconnectAfter ? "disconnect" : "refused";
}
