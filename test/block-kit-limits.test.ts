import { describe, expect, it } from 'vitest';
import { findBlockKitViolations } from './support/block-kit-limits.js';

const plain = (text: string) => ({ type: 'plain_text', text });
const mrkdwn = (text: string) => ({ type: 'mrkdwn', text });
const section = (text: string, extra: Record<string, unknown> = {}) => ({
  type: 'section',
  text: mrkdwn(text),
  ...extra,
});
const option = (text: string, value = text) => ({ text: plain(text), value });
const options = (count: number) => Array.from({ length: count }, (_, index) => option(`Option ${index}`));
const modal = (blocks: unknown[], extra: Record<string, unknown> = {}) => ({
  type: 'modal',
  title: plain('Log a call'),
  submit: plain('Save'),
  close: plain('Cancel'),
  blocks,
  ...extra,
});
const input = (element: Record<string, unknown>, blockId = 'next_step') => ({
  type: 'input',
  block_id: blockId,
  label: plain('Next step'),
  element,
});
const actions = (elements: unknown[]) => ({ type: 'actions', elements });
const button = (text: string, value = 'v') => ({
  type: 'button',
  action_id: 'act',
  text: plain(text),
  value,
});

function violationsOf(surface: 'message' | 'modal' | 'home', payload: unknown): string[] {
  return findBlockKitViolations(surface, payload);
}

describe('findBlockKitViolations', () => {
  it('accepts a typical follow-up message, modal and home tab', () => {
    const blocks = [
      { type: 'header', text: plain('Calls due today') },
      section('*Acme* warranty renewal', { accessory: button('Log call') }),
      {
        type: 'context',
        elements: [mrkdwn('Due 09:00'), { type: 'image', image_url: 'https://x/y.png', alt_text: 'x' }],
      },
      { type: 'divider' },
      actions([button('Snooze'), { type: 'overflow', action_id: 'more', options: options(3) }]),
    ];
    expect(violationsOf('message', { text: 'Calls due today', blocks })).toEqual([]);
    expect(violationsOf('message', blocks)).toEqual([]);
    expect(violationsOf('home', { type: 'home', blocks })).toEqual([]);
    const form = modal([
      input({ type: 'plain_text_input', action_id: 'text', placeholder: plain('What happens next?') }),
      input({ type: 'datepicker', action_id: 'date', initial_date: '2025-03-30' }, 'date'),
      input(
        { type: 'timepicker', action_id: 'time', initial_time: '09:30', timezone: 'Europe/Paris' },
        'time',
      ),
      input({ type: 'datetimepicker', action_id: 'at', initial_date_time: 1_743_321_600 }, 'at'),
      input({ type: 'static_select', action_id: 'stage', options: options(100) }, 'stage'),
    ]);
    expect(violationsOf('modal', form)).toEqual([]);
  });

  it('counts blocks against the surface: 50 in a message, 100 in a view', () => {
    const blocks = (count: number) => Array.from({ length: count }, () => ({ type: 'divider' }));
    expect(violationsOf('message', { blocks: blocks(50) })).toEqual([]);
    expect(violationsOf('message', { blocks: blocks(51) })).toEqual(['blocks: has 51 blocks, more than 50']);
    expect(violationsOf('home', { type: 'home', blocks: blocks(100) })).toEqual([]);
    expect(violationsOf('modal', modal(blocks(101)))).toEqual(['view.blocks: has 101 blocks, more than 100']);
  });

  it('refuses a view payload over 250 kB', () => {
    const blocks = Array.from({ length: 90 }, () => section('x'.repeat(2900)));
    expect(violationsOf('home', { type: 'home', blocks })).toEqual([
      expect.stringMatching(/^view: payload is \d+ bytes, more than 250000$/),
    ]);
  });

  it('bounds text objects, section text, header and fields', () => {
    expect(violationsOf('message', [section('')])).toEqual([
      'blocks[0].text.text: must be a non-empty string',
    ]);
    expect(violationsOf('message', [section('x'.repeat(3001))])).toEqual([
      'blocks[0].text.text: has 3001 characters, more than 3000',
    ]);
    expect(violationsOf('message', [{ type: 'header', text: plain('x'.repeat(151)) }])).toEqual([
      'blocks[0].text.text: has 151 characters, more than 150',
    ]);
    expect(violationsOf('message', [{ type: 'header', text: mrkdwn('*bold*') }])).toEqual([
      'blocks[0].text: must be a plain_text text object',
    ]);
    const fields = Array.from({ length: 11 }, () => mrkdwn('f'));
    expect(violationsOf('message', [{ type: 'section', fields }])).toEqual([
      'blocks[0].fields: has 11 fields, more than 10',
    ]);
    expect(violationsOf('message', [{ type: 'section', fields: [mrkdwn('x'.repeat(2001))] }])).toEqual([
      'blocks[0].fields[0].text: has 2001 characters, more than 2000',
    ]);
    expect(violationsOf('message', [{ type: 'section' }])).toEqual([
      'blocks[0]: a section needs text or fields',
    ]);
  });

  it('bounds buttons, options and placeholders', () => {
    expect(violationsOf('message', [actions([button('x'.repeat(76), 'v'.repeat(2001))])])).toEqual([
      'blocks[0].elements[0].text.text: has 76 characters, more than 75',
      'blocks[0].elements[0].value: has 2001 characters, more than 2000',
    ]);
    const select = {
      type: 'static_select',
      action_id: 's',
      options: [option('x'.repeat(76), 'v'.repeat(151))],
    };
    expect(violationsOf('message', [actions([select])])).toEqual([
      'blocks[0].elements[0].options[0].text.text: has 76 characters, more than 75',
      'blocks[0].elements[0].options[0].value: has 151 characters, more than 150',
    ]);
    const placeholder = { type: 'plain_text_input', action_id: 'p', placeholder: plain('x'.repeat(151)) };
    expect(violationsOf('modal', modal([input(placeholder)]))).toEqual([
      'view.blocks[0].element.placeholder.text: has 151 characters, more than 150',
    ]);
  });

  it('bounds option counts of selects, option groups, overflow, checkboxes and radio buttons', () => {
    const element = (extra: Record<string, unknown>) => [actions([{ action_id: 'a', ...extra }])];
    expect(violationsOf('message', element({ type: 'static_select', options: options(101) }))).toEqual([
      'blocks[0].elements[0].options: has 101 options, needs 1..100',
    ]);
    const groups = [{ label: plain('Stage'), options: options(101) }];
    expect(violationsOf('message', element({ type: 'static_select', option_groups: groups }))).toEqual([
      'blocks[0].elements[0].option_groups[0].options: has 101 options, needs 1..100',
    ]);
    expect(violationsOf('message', element({ type: 'overflow', options: options(6) }))).toEqual([
      'blocks[0].elements[0].options: has 6 options, needs 1..5',
    ]);
    expect(violationsOf('message', element({ type: 'overflow', options: [] }))).toEqual([
      'blocks[0].elements[0].options: has 0 options, needs 1..5',
    ]);
    expect(violationsOf('message', element({ type: 'checkboxes', options: options(11) }))).toEqual([
      'blocks[0].elements[0].options: has 11 options, needs 1..10',
    ]);
    const radios = [{ text: mrkdwn('*Hot*'), value: 'hot' }];
    expect(violationsOf('message', element({ type: 'radio_buttons', options: radios }))).toEqual([]);
  });

  it('bounds actions and context element counts', () => {
    expect(violationsOf('message', [actions(Array.from({ length: 26 }, () => button('b')))])).toEqual([
      'blocks[0].elements: has 26 elements, more than 25',
    ]);
    const context = { type: 'context', elements: Array.from({ length: 11 }, () => mrkdwn('c')) };
    expect(violationsOf('message', [context])).toEqual(['blocks[0].elements: has 11 elements, more than 10']);
  });

  it('bounds identifiers and requires unique block_ids', () => {
    const long = 'x'.repeat(256);
    expect(violationsOf('message', [section('a', { block_id: long })])).toEqual([
      'blocks[0].block_id: has 256 characters, more than 255',
    ]);
    expect(violationsOf('message', [actions([{ ...button('b'), action_id: long }])])).toEqual([
      'blocks[0].elements[0].action_id: has 256 characters, more than 255',
    ]);
    expect(violationsOf('modal', modal([], { callback_id: long }))).toEqual([
      'view.callback_id: has 256 characters, more than 255',
    ]);
    expect(
      violationsOf('message', [section('a', { block_id: 'same' }), section('b', { block_id: 'same' })]),
    ).toEqual(["blocks[1].block_id: duplicate block_id 'same'"]);
  });

  it('bounds modal chrome and private_metadata', () => {
    const tooLong = plain('x'.repeat(25));
    expect(violationsOf('modal', modal([], { title: tooLong, submit: tooLong, close: tooLong }))).toEqual([
      'view.title.text: has 25 characters, more than 24',
      'view.submit.text: has 25 characters, more than 24',
      'view.close.text: has 25 characters, more than 24',
    ]);
    expect(violationsOf('modal', modal([], { title: mrkdwn('Log') }))).toEqual([
      'view.title: must be a plain_text text object',
    ]);
    expect(violationsOf('modal', modal([], { private_metadata: 'x'.repeat(3001) }))).toEqual([
      'view.private_metadata: has 3001 characters, more than 3000',
    ]);
    expect(
      violationsOf('modal', modal([input({ type: 'plain_text_input' })], { submit: undefined })),
    ).toEqual(['view.submit: required when the modal has input blocks']);
  });

  it('requires input blocks to have a label and an element, and keeps them out of messages', () => {
    expect(violationsOf('modal', modal([{ type: 'input', block_id: 'b' }]))).toEqual([
      'view.blocks[0].label: must be a plain_text text object',
      'view.blocks[0].element: an input block needs an element',
    ]);
    expect(violationsOf('message', [input({ type: 'plain_text_input' })])).toEqual([
      'blocks[0]: input blocks are not allowed in messages',
    ]);
  });

  it('checks the formats of date, time and date-time pickers', () => {
    const picker = (element: Record<string, unknown>) => violationsOf('modal', modal([input(element)]));
    expect(picker({ type: 'datepicker', initial_date: '2025-02-30' })).toEqual([
      'view.blocks[0].element.initial_date: invalid value "2025-02-30"',
    ]);
    expect(picker({ type: 'datepicker', initial_date: '30/03/2025' })).toHaveLength(1);
    expect(picker({ type: 'timepicker', initial_time: '9:30' })).toEqual([
      'view.blocks[0].element.initial_time: invalid value "9:30"',
    ]);
    expect(picker({ type: 'timepicker', initial_time: '24:00' })).toHaveLength(1);
    expect(picker({ type: 'datetimepicker', initial_date_time: 1_743_321_600_000 })).toEqual([
      'view.blocks[0].element.initial_date_time: invalid value 1743321600000',
    ]);
    expect(picker({ type: 'datetimepicker', initial_date_time: '1743321600' })).toHaveLength(1);
  });

  it('rejects unknown block and element types and the wrong view type', () => {
    expect(violationsOf('message', [{ type: 'table' }])).toEqual([
      'blocks[0].type: unknown block type "table"',
    ]);
    expect(violationsOf('message', [actions([{ type: 'slider', action_id: 's' }])])).toEqual([
      'blocks[0].elements[0].type: unknown element type "slider"',
    ]);
    expect(violationsOf('home', { type: 'modal', blocks: [] })).toEqual(["view.type: must be 'home'"]);
    expect(violationsOf('modal', { ...modal([]), type: 'home' })).toEqual(["view.type: must be 'modal'"]);
  });

  it('bounds the message text fallback at 40,000 characters', () => {
    expect(violationsOf('message', { text: 'x'.repeat(40_000) })).toEqual([]);
    expect(violationsOf('message', { text: 'x'.repeat(40_001) })).toEqual([
      'text: has 40001 characters, more than 40000',
    ]);
  });
});
