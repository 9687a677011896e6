/** GET /v1/balance: wallet credit plus the caller's spend and cap. */
import type { Handler } from '../types.ts';

export const getBalance: Handler = (ctx) => {
  const sub = ctx.principal.subAccount;
  const spent = sub ? sub.spent_cents : Math.round(ctx.state.usage.reduce((n, u) => n + u.cost_cents, 0) * 1e6) / 1e6;
  const cap = sub?.spend_cap_cents ?? null;
  const body: Record<string, unknown> = {
    object: 'balance',
    currency: 'usd',
    balance_cents: ctx.state.wallet.balance_cents,
    spent_cents: spent,
    spend_cap_cents: cap,
    remaining_cap_cents: cap === null ? null : Math.max(0, Math.round((cap - spent) * 1e6) / 1e6),
  };
  if (ctx.drift('missing-field')) delete body.currency;
  return { status: 200, body };
};
