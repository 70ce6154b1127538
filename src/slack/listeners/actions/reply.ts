import type {
  AllMiddlewareArgs,
  BlockAction,
  RespondFn,
  SlackActionMiddlewareArgs,
  types,
} from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import {
  loadNextStepForActor,
  type NextStepChange,
  type NextStepView,
} from '../../../usecases/change-next-step.js';
import type { Person } from '../../../usecases/ensure-person.js';
import { formatLocalTime } from '../../blocks/local-time.js';
import { prospectLabel } from '../../blocks/next-step-item.js';
import type { SlackDependencies } from '../../dependencies.js';
import { UNREADABLE_REQUEST } from '../../edge/payload-guard.js';
import { publishHome } from '../home.js';
import { ensureRep } from '../rep.js';
import { pressedMessageOf, settleMessage } from '../settle-message.js';

export const NOT_YOURS = 'That follow-up belongs to another rep. Nothing was changed.';

/** What a rep is told after pressing a button on a next step. */
export function describeChange(
  change: NextStepChange,
  done: (who: string, dueLabel: string) => string,
): string {
  switch (change.kind) {
    case 'changed': {
      const { prospect, owner } = change.view;
      const due = formatLocalTime(change.dueAt, owner.timeZone);
      return done(prospectLabel(prospect.contactName, prospect.company), due);
    }
    case 'invalid':
      return change.error;
    case 'forbidden':
      return NOT_YOURS;
    case 'missing':
      return 'That follow-up no longer exists.';
    case 'closed':
      return 'That follow-up is already done or was replaced by a newer plan. Nothing was changed.';
  }
}

/**
 * Answers privately where the button was: in a message through its response_url, on the Home tab by
 * republishing it and a DM line (the Home tab has no place for a reply).
 */
export async function replyToAction(params: {
  body: BlockAction;
  respond: RespondFn;
  client: WebClient;
  dependencies: SlackDependencies;
  actor: Person;
  text: string;
}): Promise<void> {
  const { body, client, text } = params;
  if (body.response_url) {
    await params.respond({ response_type: 'ephemeral', replace_original: false, text });
    return;
  }
  await params.dependencies.sendMessage(client, params.actor.workspaceId, { channel: body.user.id, text });
  if (pressedOnHome(body)) {
    await publishHome(params.dependencies, client, params.actor.workspaceId, params.actor);
  }
}

/** A button on the Home tab, whose view Slack leaves as it was until the app publishes it again. */
export function pressedOnHome(body: BlockAction): boolean {
  return body.view?.type === 'home';
}

/** The workspace a block action came from. */
export function workspaceOf(body: BlockAction): string {
  return body.team?.id ?? body.user.team_id ?? '';
}

/** A rep's press on a button about one of their records, once acked and read. */
export interface Press<Target> {
  workspaceId: string;
  /** The rep who pressed, created on first contact. */
  actor: Person;
  /** What the button's value names (a next step, a snooze choice...). */
  target: Target;
  body: BlockAction;
  client: WebClient;
  /** Answers the rep privately, where they pressed. */
  reply(text: string): Promise<void>;
}

type ActionArgs<A extends BlockAction> = SlackActionMiddlewareArgs<A> & AllMiddlewareArgs;

export const PRESS_FAILED = 'That did not work just now, so nothing was changed. Try again in a moment.';

/**
 * The listener for a button on a rep's record: acks at once, reads the button's value, finds the rep, then runs
 * `handle`. A value Slack would never send, or a failure on the way (the database down), is answered privately
 * where the button was, so no press goes unanswered.
 */
export function onPress<A extends BlockAction, Target>(
  dependencies: SlackDependencies,
  readTarget: (action: A['actions'][number]) => Target | null | undefined,
  handle: (press: Press<Target>) => Promise<void>,
): (args: ActionArgs<A>) => Promise<void> {
  return async ({ ack, body, action, client, respond }) => {
    await ack();
    const workspaceId = workspaceOf(body);
    const answer = (text: string) =>
      body.response_url
        ? respond({ response_type: 'ephemeral', replace_original: false, text })
        : dependencies.sendMessage(client, workspaceId, { channel: body.user.id, text });
    const target = readTarget(action);
    if (target === null || target === undefined) {
      await answer(UNREADABLE_REQUEST);
      return;
    }
    try {
      const actor = await ensureRep(dependencies, client, workspaceId, body.user.id);
      await handle({
        workspaceId,
        actor,
        target,
        body,
        client,
        reply: (text) => replyToAction({ body, respond, client, dependencies, actor, text }),
      });
    } catch (error) {
      dependencies.logger.error(`the ${action.action_id} button failed`, error);
      await answer(PRESS_FAILED);
    }
  };
}

/**
 * The next step a press is about, when the rep may still change it; otherwise the rep is told why not
 * (someone else's, done, replaced, gone) and the answer is undefined.
 */
export async function stepToChange(
  dependencies: SlackDependencies,
  press: Press<unknown>,
  nextStepId: number,
): Promise<NextStepView | undefined> {
  const { workspaceId, actor } = press;
  const access = await loadNextStepForActor(dependencies.db, { workspaceId, actor, nextStepId });
  if (access.kind === 'ok') return access.view;
  await press.reply(describeChange(access, () => ''));
  return undefined;
}

/** What the reschedule and snooze modals show of the step, and where to republish after the change. */
export function stepModalTarget(view: NextStepView, body: BlockAction) {
  const { step, prospect, owner } = view;
  return {
    nextStepId: step.id,
    contactName: prospect.contactName,
    company: prospect.company,
    dueLabel: formatLocalTime(step.dueAt, owner.timeZone),
    fromHome: pressedOnHome(body),
    message: pressedMessageOf(body),
  };
}

/**
 * Rewrites the message a call's button was pressed in (chat.update, by the container's channel and ts) so that
 * call shows what happened instead of buttons that no longer apply. False when there is no such message to
 * change (Home tab, an ephemeral list, a message without that call) or Slack refused: the caller replies instead.
 */
export async function settlePressedMessage(
  press: Press<unknown>,
  nextStepId: number,
  outcome: string,
  next?: types.Button,
): Promise<boolean> {
  const message = pressedMessageOf(press.body);
  if (!message) return false;
  const content = press.body.message as { text?: string; blocks?: types.KnownBlock[] } | undefined;
  return settleMessage(press.client, message, content, { nextStepId, outcome, ...(next ? { next } : {}) });
}
