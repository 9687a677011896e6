/** The workers' wait: for a change on the board, or until the soonest back-off ends. */
/** Waits for a change on the board, or until the soonest back-off ends (5 ms to 250 ms). */
export async function idle(changed: Promise<void>, soonestAt: number): Promise<void> {
  const delay = Math.max(5, Math.min(250, soonestAt - performance.now()));
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((r) => (timer = setTimeout(r, Number.isFinite(delay) ? delay : 250)));
  await Promise.race([changed, timeout]);
  clearTimeout(timer);
}
