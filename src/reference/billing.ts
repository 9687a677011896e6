/**
 * Money: prices, spend caps and usage records. Every billed request appends one UsageRecord, and
 * reports (GET /v1/usage ...) are sums over those records, so usage always equals the requests made.
 */
import type { CatalogModel } from './catalog.ts';
import { ApiError } from './errors.ts';
import type { OwnerId, State } from './store.ts';
import type { Principal } from './types.ts';

/** The contract's `Usage` object. */
export interface Usage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  cost_cents: number;
}

const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;

/** Cost in US cents of `prompt` input and `completion` output tokens on `model`. */
export const costCents = (model: CatalogModel, prompt: number, completion: number): number =>
  round6((prompt * model.inputPrice + completion * model.outputPrice) / 1e6);

/** Usage of one model call (not yet recorded). */
export const usageOf = (model: CatalogModel, prompt: number, completion: number): Usage => ({
  prompt_tokens: prompt,
  completion_tokens: completion,
  total_tokens: prompt + completion,
  cost_cents: costCents(model, prompt, completion),
});

/** Throws 402 when the caller's sub-account reached its cap or the account wallet is empty. */
export function assertCanSpend(state: State, principal: Principal): void {
  const sub = principal.subAccount;
  if (sub && sub.spend_cap_cents !== null && sub.spent_cents >= sub.spend_cap_cents) {
    throw new ApiError(
      402,
      'billing_error',
      'spend_cap_reached',
      `Spend cap of ${sub.spend_cap_cents} cents reached (spent ${sub.spent_cents}).`,
    );
  }
  if (state.wallet.balance_cents <= 0)
    throw new ApiError(402, 'billing_error', 'insufficient_balance', 'The account wallet is empty.');
}

/** Who pays and under which labels. */
export interface Payer {
  requestId: string;
  owner: OwnerId;
  keyId: string;
  tag: string | null;
}

/** Records `usage` against the payer: one usage record, wallet and sub-account spend updated. */
export function charge(state: State, payer: Payer, at: number, model: string, operation: string, usage: Usage): void {
  state.usage.push({
    ...payer,
    at,
    model,
    operation,
    prompt_tokens: usage.prompt_tokens,
    completion_tokens: usage.completion_tokens,
    cost_cents: usage.cost_cents,
  });
  state.wallet.balance_cents = round6(state.wallet.balance_cents - usage.cost_cents);
  const sub = payer.owner === 'root' ? undefined : state.subAccounts.get(payer.owner);
  if (sub) sub.spent_cents = round6(sub.spent_cents + usage.cost_cents);
}

/** Formats cents for the `x-cost-cents` / `x-auto-savings-cents` headers (plain decimal, no exponent). */
export const centsHeader = (cents: number): string =>
  Math.max(0, cents)
    .toFixed(6)
    .replace(/\.?0+$/, '') || '0';
