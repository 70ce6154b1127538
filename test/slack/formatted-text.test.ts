import { describe, expect, it } from 'vitest';
import { mentionedUserIds, readableText, unnamedUserIds } from '../../src/slack/formatted-text.js';

/** Examples from https://api.slack.com/reference/surfaces/formatting ("Escaping text", "Linking to ..."). */
describe('Slack message text as people read it', () => {
  it('decodes the three escaped characters, and only them', () => {
    expect(readableText('Hello &amp; &lt;world&gt; &amp;lt; &quot;')).toBe('Hello & <world> &lt; &quot;');
  });

  it('names users from the mention, from looked-up names, or by id', () => {
    const names = new Map([['U024BE7LJ', 'sam']]);
    expect(readableText('Hey <@U024BE7LH|bob> and <@U024BE7LJ>, <@W0GRID>', names)).toBe(
      'Hey @bob and @sam, @W0GRID',
    );
    expect(mentionedUserIds('<@U1|a> <@U2> <@U1> <#C1|x>')).toEqual(['U1', 'U2']);
    expect(unnamedUserIds('<@U1|a> <@U2> <@U2>')).toEqual(['U2']);
  });

  it('shows channels by name, links with their label and url, broadcasts and dates by their text', () => {
    expect(readableText('Why not join <#C024BE7LR|general>? <#C024BE7LS>')).toBe(
      'Why not join #general? #C024BE7LS',
    );
    expect(readableText('<http://www.foo.com|www.foo.com> <https://x.io/a?b=1&amp;c=2>')).toBe(
      'www.foo.com (http://www.foo.com) https://x.io/a?b=1&c=2',
    );
    expect(readableText('<mailto:bob@example.com|bob@example.com>')).toBe('bob@example.com');
    expect(readableText('<!here> <!subteam^SAZ94GDB8|@sales> <!date^1392734382^{date}|Feb 18, 2014>')).toBe(
      '@here @sales Feb 18, 2014',
    );
  });
});
