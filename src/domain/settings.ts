/**
 * A workspace's settings: the method's defaults and the ranges a manager may choose from. The schema, the
 * queries, the settings modal and its submission, the coach and the stall rules all read them from here.
 */
export interface WorkspaceSettings {
  workspaceId: string;
  /** Where the manager digest is posted; no digest goes out until a manager picks one. */
  managerChannelId: string | null;
  digestHour: number;
  digestMinute: number;
  /** ISO weekdays (1 = Monday ... 7 = Sunday). */
  digestWeekdays: number[];
  staleAfterDays: number;
  goneDarkAfterUnanswered: number;
  /** The 70/30 rule: below this share of value touches a deal is "all asks". */
  minValueTouchPercent: number;
  revisitAfterDays: number;
  reminderLeadMinutes: number;
}

export type SettingsChanges = Partial<Omit<WorkspaceSettings, 'workspaceId'>>;

/** A whole-number setting: the method's default and the range a manager may pick from. */
interface NumberSetting {
  readonly default: number;
  readonly min: number;
  readonly max: number;
}

/** Two weeks without real contact and a deal has stalled. */
export const STALE_AFTER_DAYS = { default: 14, min: 1, max: 365 } as const satisfies NumberSetting;
/** Three unanswered touches in a row and the prospect has gone dark: time to release the pressure. */
export const GONE_DARK_AFTER_UNANSWERED = { default: 3, min: 1, max: 20 } as const satisfies NumberSetting;
export const MIN_VALUE_TOUCH_PERCENT = { default: 70, min: 0, max: 100 } as const satisfies NumberSetting;
/** A lost or not-interested prospect comes back for a second chance after a year. */
export const REVISIT_AFTER_DAYS = { default: 365 } as const;
export const REMINDER_LEAD_MINUTES = { default: 15, min: 1, max: 120 } as const satisfies NumberSetting;
export const DIGEST_WEEKDAY = { min: 1, max: 7 } as const;
/** The digest goes out at 09:00 on working days unless a manager says otherwise. */
export const DIGEST_DEFAULTS = { hour: 9, minute: 0, weekdays: [1, 2, 3, 4, 5] } as const;

/** The method's defaults, for a workspace that never saved settings. */
export function defaultWorkspaceSettings(workspaceId: string): WorkspaceSettings {
  return {
    workspaceId,
    managerChannelId: null,
    digestHour: DIGEST_DEFAULTS.hour,
    digestMinute: DIGEST_DEFAULTS.minute,
    digestWeekdays: [...DIGEST_DEFAULTS.weekdays],
    staleAfterDays: STALE_AFTER_DAYS.default,
    goneDarkAfterUnanswered: GONE_DARK_AFTER_UNANSWERED.default,
    minValueTouchPercent: MIN_VALUE_TOUCH_PERCENT.default,
    revisitAfterDays: REVISIT_AFTER_DAYS.default,
    reminderLeadMinutes: REMINDER_LEAD_MINUTES.default,
  };
}

/** Whether a prospect who left this many touches in a row unanswered has gone dark, by the workspace's threshold. */
export function hasGoneDark(
  unansweredTouchesInRow: number | undefined,
  goneDarkAfterUnanswered: number,
): boolean {
  return (unansweredTouchesInRow ?? 0) >= goneDarkAfterUnanswered;
}
