import type { App, ViewOutput } from '@slack/bolt';
import { PRIVATE_METADATA_MAX_LENGTH, renderLogModalFrom } from '../../blocks/log-modal.js';
import type { SlackDependencies } from '../../dependencies.js';
import { CALLBACK_IDS, MORE_BLOCKS } from '../../ids.js';
import { parseMoreAboutThemForm, parseMoreAboutThemMetadata } from '../../payloads.js';

type Returned =
  | { kind: 'update'; rootViewId: string; view: ReturnType<typeof renderLogModalFrom> }
  | { kind: 'errors'; errors: Record<string, string> }
  | { kind: 'nothing' };

/**
 * The answers of the second step go back to the first view: it is drawn again with them in its metadata and
 * the same inputs, so Slack keeps what the rep had typed there (views.update, "Preserving input entry").
 * "Keep" and "Back" both return them; only "Keep" can show a field error.
 */
export function registerMoreAboutThem(app: App, dependencies: SlackDependencies): void {
  app.view(CALLBACK_IDS.moreAboutThem, async ({ ack, view, client }) => {
    const returned = answersFor(view);
    if (returned.kind === 'errors') return ack({ response_action: 'errors', errors: returned.errors });
    // An empty answer closes this step and shows the first view again.
    await ack();
    if (returned.kind === 'update') {
      await client.views.update({ view_id: returned.rootViewId, view: returned.view });
    }
  });
  app.view(
    { callback_id: CALLBACK_IDS.moreAboutThem, type: 'view_closed' },
    async ({ ack, view, client }) => {
      await ack();
      const returned = answersFor(view);
      if (returned.kind === 'update') {
        await client.views.update({ view_id: returned.rootViewId, view: returned.view });
      } else if (returned.kind === 'errors') {
        dependencies.logger.warn('more about them closed with answers that do not fit', returned.errors);
      }
    },
  );
}

function answersFor(view: ViewOutput): Returned {
  const metadata = parseMoreAboutThemMetadata(view.private_metadata);
  if (!metadata) return { kind: 'nothing' };
  const parsed = parseMoreAboutThemForm(view.state.values, metadata.root.more);
  if (!parsed.ok) return { kind: 'errors', errors: parsed.errors };
  const rendered = renderLogModalFrom({ ...metadata.root, more: parsed.value });
  const over = (rendered.private_metadata?.length ?? 0) - PRIVATE_METADATA_MAX_LENGTH;
  if (over > 0) {
    return {
      kind: 'errors',
      errors: { [MORE_BLOCKS.summary]: `Shorten the notes by ${over} characters: the rest does not fit.` },
    };
  }
  return { kind: 'update', rootViewId: metadata.rootViewId, view: rendered };
}
