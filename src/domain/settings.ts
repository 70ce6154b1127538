/**
 * A workspace's settings: the method's defaults and the ranges a manager may choose from. The schema, the
 * queries, the settings modal, the coach and the stall rules all read them from here.
 */
export const GONE_DARK_AFTER_UNANSWERED = { default: 3, min: 1, max: 20 } as const;

/** Whether a prospect who left this many touches in a row unanswered has gone dark, by the workspace's threshold. */
export function hasGoneDark(
  unansweredTouchesInRow: number | undefined,
  goneDarkAfterUnanswered: number,
): boolean {
  return (unansweredTouchesInRow ?? 0) >= goneDarkAfterUnanswered;
}
