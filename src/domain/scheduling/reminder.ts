/**
 * A call gets one short reminder `leadMinutes` before it, and only while it is still ahead: once the time has
 * passed the call is overdue and tomorrow's due-call DM carries it.
 */
export function isReminderDue(dueAt: Date, leadMinutes: number, now: Date): boolean {
  const remindAt = dueAt.getTime() - leadMinutes * 60_000;
  return now.getTime() >= remindAt && now.getTime() < dueAt.getTime();
}
