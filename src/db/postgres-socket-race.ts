/**
 * postgres.js 3.4.9 can throw from a timer after a connection drops mid-write (upstream issues #1154 and
 * #1208, unfixed at the time of writing): `TypeError: Cannot read properties of null (reading 'write')` in
 * `nextWrite`. The query involved has already failed with CONNECTION_CLOSED, but the connection object is left
 * unable to flush small writes, so later queries on it could hang. Recognising it lets the app say what happened
 * before it exits for a clean restart, instead of dying with an unexplained stack trace.
 */
export function isPostgresSocketRace(error: unknown): boolean {
  // Checked by shape, not instanceof: the test runner sees the error after it crossed a worker boundary.
  const { name, message, stack } = (error ?? {}) as { name?: unknown; message?: unknown; stack?: unknown };
  return (
    name === 'TypeError' &&
    String(message).includes("reading 'write'") &&
    String(stack).includes('nextWrite') &&
    /postgres[\\/]src[\\/]connection\.js/.test(String(stack))
  );
}
