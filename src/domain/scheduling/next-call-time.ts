/** Further ahead than this is a wish, not a scheduled call. */
const MAX_DAYS_AHEAD = 366;

/** Why a next call time cannot be accepted, or undefined when it can. */
export function nextCallTimeProblem(dueAt: Date, now: Date): string | undefined {
  if (dueAt.getTime() <= now.getTime()) return 'That time has already passed. Pick a time in the future.';
  if (dueAt.getTime() > now.getTime() + MAX_DAYS_AHEAD * 86_400_000) {
    return 'That is more than a year away. Pick a time within the next twelve months.';
  }
  return undefined;
}
