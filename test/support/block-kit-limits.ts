/**
 * Slack's Block Kit limits as a pure check, shared by the fake Web API (which refuses what Slack refuses) and by
 * tests of our block builders. Returns one readable line per violation, each starting with the path that broke.
 */

export type BlockKitSurface = 'message' | 'modal' | 'home';

/** Slack's documented limits; names say which field they bound. */
export const BLOCK_KIT_LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  // Slack says "250 kB"; counting 1000-byte kilobytes keeps us under the limit whichever Slack means.
  viewPayloadBytes: 250_000,
  messageText: 40_000,
  textObject: 3000,
  sectionText: 3000,
  headerText: 150,
  sectionFields: 10,
  sectionFieldText: 2000,
  buttonText: 75,
  buttonValue: 2000,
  optionText: 75,
  optionValue: 150,
  optionDescription: 75,
  placeholder: 150,
  staticSelectOptions: 100,
  overflowOptions: 5,
  checkboxOrRadioOptions: 10,
  actionsElements: 25,
  contextElements: 10,
  identifier: 255,
  viewTitle: 24,
  privateMetadata: 3000,
  inputLabel: 2000,
  altText: 2000,
} as const;

const SELECT_TYPES_WITHOUT_OPTIONS = [
  'external_select',
  'multi_external_select',
  'users_select',
  'multi_users_select',
  'conversations_select',
  'multi_conversations_select',
  'channels_select',
  'multi_channels_select',
];

const TEXT_INPUT_TYPES = [
  'plain_text_input',
  'number_input',
  'email_text_input',
  'url_text_input',
  'rich_text_input',
];

type Json = Record<string, unknown>;

interface Check {
  surface: BlockKitSurface;
  violations: string[];
  seenBlockIds: Set<string>;
}

/**
 * Lists every way `payload` breaks Slack's Block Kit limits for `surface`; empty means Slack would accept it.
 * For 'message' pass the chat.postMessage arguments (`{ text?, blocks? }`) or a bare blocks array;
 * for 'modal' and 'home' pass the view object.
 */
export function findBlockKitViolations(surface: BlockKitSurface, payload: unknown): string[] {
  const check: Check = { surface, violations: [], seenBlockIds: new Set() };
  if (surface === 'message') {
    checkMessage(check, Array.isArray(payload) ? { blocks: payload } : payload);
  } else {
    checkView(check, payload);
  }
  return check.violations;
}

function report(check: Check, path: string, problem: string): void {
  check.violations.push(`${path}: ${problem}`);
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkMessage(check: Check, message: unknown): void {
  if (!isObject(message)) {
    report(check, 'message', 'must be an object');
    return;
  }
  if (message.text !== undefined) checkMaxLength(check, 'text', message.text, BLOCK_KIT_LIMITS.messageText);
  if (message.blocks !== undefined) checkBlocks(check, message.blocks, BLOCK_KIT_LIMITS.messageBlocks);
}

function checkView(check: Check, view: unknown): void {
  if (!isObject(view)) {
    report(check, 'view', 'must be an object');
    return;
  }
  const size = Buffer.byteLength(JSON.stringify(view), 'utf8');
  if (size > BLOCK_KIT_LIMITS.viewPayloadBytes) {
    report(check, 'view', `payload is ${size} bytes, more than ${BLOCK_KIT_LIMITS.viewPayloadBytes}`);
  }
  if (view.type !== check.surface) report(check, 'view.type', `must be '${check.surface}'`);
  if (check.surface === 'modal') checkModalChrome(check, view);
  checkOptionalIdentifier(check, 'view.callback_id', view.callback_id);
  if (view.private_metadata !== undefined) {
    checkMaxLength(check, 'view.private_metadata', view.private_metadata, BLOCK_KIT_LIMITS.privateMetadata);
  }
  checkBlocks(check, view.blocks, BLOCK_KIT_LIMITS.viewBlocks, 'view.blocks');
}

function checkModalChrome(check: Check, view: Json): void {
  checkPlainText(check, 'view.title', view.title, BLOCK_KIT_LIMITS.viewTitle);
  for (const button of ['submit', 'close'] as const) {
    if (view[button] !== undefined)
      checkPlainText(check, `view.${button}`, view[button], BLOCK_KIT_LIMITS.viewTitle);
  }
  const hasInput =
    Array.isArray(view.blocks) && view.blocks.some((block) => isObject(block) && block.type === 'input');
  // Slack refuses a modal whose input blocks could never be submitted.
  if (hasInput && view.submit === undefined)
    report(check, 'view.submit', 'required when the modal has input blocks');
}

function checkBlocks(check: Check, blocks: unknown, maxBlocks: number, path = 'blocks'): void {
  if (!Array.isArray(blocks)) {
    report(check, path, 'must be an array');
    return;
  }
  if (blocks.length > maxBlocks) report(check, path, `has ${blocks.length} blocks, more than ${maxBlocks}`);
  blocks.forEach((block, index) => {
    checkBlock(check, `${path}[${index}]`, block);
  });
}

type Checker = (check: Check, path: string, value: Json) => void;

const BLOCK_CHECKERS: Record<string, Checker> = {
  section: (check, path, block) => checkSection(check, path, block),
  header: (check, path, block) =>
    checkPlainText(check, `${path}.text`, block.text, BLOCK_KIT_LIMITS.headerText),
  context: (check, path, block) => checkContext(check, path, block),
  actions: (check, path, block) => checkActions(check, path, block),
  input: (check, path, block) => checkInput(check, path, block),
  image: (check, path, block) => checkImage(check, path, block),
  rich_text: (check, path, block) => {
    if (!Array.isArray(block.elements)) report(check, `${path}.elements`, 'must be an array');
  },
  divider: () => {},
};

function checkBlock(check: Check, path: string, block: unknown): void {
  if (!isObject(block)) {
    report(check, path, 'must be an object');
    return;
  }
  checkBlockId(check, path, block.block_id);
  const checker = BLOCK_CHECKERS[String(block.type)];
  if (checker) checker(check, path, block);
  else report(check, `${path}.type`, `unknown block type ${JSON.stringify(block.type)}`);
}

function checkBlockId(check: Check, path: string, blockId: unknown): void {
  if (blockId === undefined) return;
  checkOptionalIdentifier(check, `${path}.block_id`, blockId);
  if (typeof blockId !== 'string') return;
  if (check.seenBlockIds.has(blockId)) report(check, `${path}.block_id`, `duplicate block_id '${blockId}'`);
  check.seenBlockIds.add(blockId);
}

function checkSection(check: Check, path: string, block: Json): void {
  if (block.text === undefined && block.fields === undefined) {
    report(check, path, 'a section needs text or fields');
  }
  if (block.text !== undefined)
    checkTextObject(check, `${path}.text`, block.text, BLOCK_KIT_LIMITS.sectionText);
  if (block.fields !== undefined) checkSectionFields(check, `${path}.fields`, block.fields);
  if (block.accessory !== undefined) checkElement(check, `${path}.accessory`, block.accessory);
}

function checkSectionFields(check: Check, path: string, fields: unknown): void {
  if (!Array.isArray(fields)) {
    report(check, path, 'must be an array');
    return;
  }
  if (fields.length > BLOCK_KIT_LIMITS.sectionFields) {
    report(check, path, `has ${fields.length} fields, more than ${BLOCK_KIT_LIMITS.sectionFields}`);
  }
  fields.forEach((field, index) => {
    checkTextObject(check, `${path}[${index}]`, field, BLOCK_KIT_LIMITS.sectionFieldText);
  });
}

function checkContext(check: Check, path: string, block: Json): void {
  const elements = checkElementCount(
    check,
    `${path}.elements`,
    block.elements,
    BLOCK_KIT_LIMITS.contextElements,
  );
  elements.forEach((element, index) => {
    const elementPath = `${path}.elements[${index}]`;
    if (isObject(element) && element.type === 'image') checkImage(check, elementPath, element);
    else checkTextObject(check, elementPath, element, BLOCK_KIT_LIMITS.textObject);
  });
}

function checkActions(check: Check, path: string, block: Json): void {
  const elements = checkElementCount(
    check,
    `${path}.elements`,
    block.elements,
    BLOCK_KIT_LIMITS.actionsElements,
  );
  elements.forEach((element, index) => {
    checkElement(check, `${path}.elements[${index}]`, element);
  });
}

function checkElementCount(check: Check, path: string, elements: unknown, max: number): unknown[] {
  if (!Array.isArray(elements) || elements.length === 0) {
    report(check, path, 'must be a non-empty array');
    return [];
  }
  if (elements.length > max) report(check, path, `has ${elements.length} elements, more than ${max}`);
  return elements;
}

function checkInput(check: Check, path: string, block: Json): void {
  // Our contract with Slack: inputs live in modals and the Home tab, so a message carrying one is a bug.
  if (check.surface === 'message') report(check, path, 'input blocks are not allowed in messages');
  checkPlainText(check, `${path}.label`, block.label, BLOCK_KIT_LIMITS.inputLabel);
  if (block.hint !== undefined)
    checkPlainText(check, `${path}.hint`, block.hint, BLOCK_KIT_LIMITS.inputLabel);
  if (block.element === undefined) report(check, `${path}.element`, 'an input block needs an element');
  else checkElement(check, `${path}.element`, block.element);
}

function checkImage(check: Check, path: string, image: Json): void {
  if (typeof image.image_url !== 'string' && !isObject(image.slack_file)) {
    report(check, path, 'an image needs image_url or slack_file');
  }
  checkMaxLength(check, `${path}.alt_text`, image.alt_text, BLOCK_KIT_LIMITS.altText);
}

function checkElement(check: Check, path: string, element: unknown): void {
  if (!isObject(element)) {
    report(check, path, 'must be an object');
    return;
  }
  checkOptionalIdentifier(check, `${path}.action_id`, element.action_id);
  if (element.placeholder !== undefined) {
    checkPlainText(check, `${path}.placeholder`, element.placeholder, BLOCK_KIT_LIMITS.placeholder);
  }
  const checker = ELEMENT_CHECKERS[String(element.type)];
  if (checker) checker(check, path, element);
  else report(check, `${path}.type`, `unknown element type ${JSON.stringify(element.type)}`);
}

const noFurtherCheck: Checker = () => {};

const ELEMENT_CHECKERS: Record<string, Checker> = {
  button: (check, path, button) => checkButton(check, path, button),
  static_select: (check, path, select) => checkStaticSelect(check, path, select),
  multi_static_select: (check, path, select) => checkStaticSelect(check, path, select),
  overflow: (check, path, overflow) =>
    checkOptionList(check, path, overflow.options, 1, BLOCK_KIT_LIMITS.overflowOptions),
  checkboxes: (check, path, boxes) =>
    checkOptionList(check, path, boxes.options, 1, BLOCK_KIT_LIMITS.checkboxOrRadioOptions, true),
  radio_buttons: (check, path, radios) =>
    checkOptionList(check, path, radios.options, 1, BLOCK_KIT_LIMITS.checkboxOrRadioOptions, true),
  datepicker: (check, path, picker) =>
    checkInitial(check, path, picker.initial_date, 'initial_date', isIsoDate),
  timepicker: (check, path, picker) =>
    checkInitial(check, path, picker.initial_time, 'initial_time', isClockTime),
  datetimepicker: (check, path, picker) =>
    checkInitial(check, path, picker.initial_date_time, 'initial_date_time', isUnixSeconds),
  image: (check, path, image) => checkImage(check, path, image),
  ...Object.fromEntries(
    [...TEXT_INPUT_TYPES, ...SELECT_TYPES_WITHOUT_OPTIONS].map((type) => [type, noFurtherCheck]),
  ),
};

function checkButton(check: Check, path: string, button: Json): void {
  checkPlainText(check, `${path}.text`, button.text, BLOCK_KIT_LIMITS.buttonText);
  if (button.value !== undefined)
    checkMaxLength(check, `${path}.value`, button.value, BLOCK_KIT_LIMITS.buttonValue);
}

function checkStaticSelect(check: Check, path: string, select: Json): void {
  const max = BLOCK_KIT_LIMITS.staticSelectOptions;
  if ((select.options === undefined) === (select.option_groups === undefined)) {
    report(check, path, 'a static select needs exactly one of options or option_groups');
    return;
  }
  if (select.options !== undefined) {
    checkOptionList(check, path, select.options, 1, max);
    return;
  }
  if (!Array.isArray(select.option_groups) || select.option_groups.length > max) {
    report(check, `${path}.option_groups`, `must be an array of at most ${max} groups`);
    return;
  }
  select.option_groups.forEach((group, index) => {
    const groupPath = `${path}.option_groups[${index}]`;
    if (!isObject(group)) {
      report(check, groupPath, 'must be an object');
      return;
    }
    checkPlainText(check, `${groupPath}.label`, group.label, BLOCK_KIT_LIMITS.optionText);
    checkOptionList(check, groupPath, group.options, 1, max);
  });
}

function checkOptionList(
  check: Check,
  path: string,
  options: unknown,
  min: number,
  max: number,
  allowsMrkdwn = false,
): void {
  if (!Array.isArray(options) || options.length < min || options.length > max) {
    const count = Array.isArray(options) ? options.length : 'no';
    report(check, `${path}.options`, `has ${count} options, needs ${min}..${max}`);
    if (!Array.isArray(options)) return;
  }
  options.forEach((option, index) => {
    checkOption(check, `${path}.options[${index}]`, option, allowsMrkdwn);
  });
}

function checkOption(check: Check, path: string, option: unknown, allowsMrkdwn: boolean): void {
  if (!isObject(option)) {
    report(check, path, 'must be an object');
    return;
  }
  if (allowsMrkdwn) checkTextObject(check, `${path}.text`, option.text, BLOCK_KIT_LIMITS.optionText);
  else checkPlainText(check, `${path}.text`, option.text, BLOCK_KIT_LIMITS.optionText);
  checkMaxLength(check, `${path}.value`, option.value, BLOCK_KIT_LIMITS.optionValue);
  if (option.description !== undefined) {
    checkTextObject(check, `${path}.description`, option.description, BLOCK_KIT_LIMITS.optionDescription);
  }
}

function checkInitial(
  check: Check,
  path: string,
  value: unknown,
  field: string,
  isValid: (value: unknown) => boolean,
): void {
  if (value !== undefined && !isValid(value)) {
    report(check, `${path}.${field}`, `invalid value ${JSON.stringify(value)}`);
  }
}

function isIsoDate(value: unknown): boolean {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

function isClockTime(value: unknown): boolean {
  return typeof value === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(value);
}

/** Seconds, not milliseconds: a 13-digit value is the classic Date.now() mistake. */
function isUnixSeconds(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < 10_000_000_000;
}

function checkTextObject(check: Check, path: string, text: unknown, max: number): void {
  if (!isObject(text) || (text.type !== 'plain_text' && text.type !== 'mrkdwn')) {
    report(check, path, 'must be a plain_text or mrkdwn text object');
    return;
  }
  checkTextLength(check, `${path}.text`, text.text, max);
}

function checkPlainText(check: Check, path: string, text: unknown, max: number): void {
  if (!isObject(text) || text.type !== 'plain_text') {
    report(check, path, 'must be a plain_text text object');
    return;
  }
  checkTextLength(check, `${path}.text`, text.text, max);
}

/** Every text object holds 1..3000 characters; narrower fields cap it lower. */
function checkTextLength(check: Check, path: string, text: unknown, max: number): void {
  const limit = Math.min(max, BLOCK_KIT_LIMITS.textObject);
  if (typeof text !== 'string' || text.length === 0) {
    report(check, path, 'must be a non-empty string');
    return;
  }
  if (text.length > limit) report(check, path, `has ${text.length} characters, more than ${limit}`);
}

function checkMaxLength(check: Check, path: string, value: unknown, max: number): void {
  if (typeof value !== 'string') {
    report(check, path, 'must be a string');
    return;
  }
  if (value.length > max) report(check, path, `has ${value.length} characters, more than ${max}`);
}

function checkOptionalIdentifier(check: Check, path: string, value: unknown): void {
  if (value === undefined) return;
  if (typeof value !== 'string' || value.length === 0) {
    report(check, path, 'must be a non-empty string');
    return;
  }
  if (value.length > BLOCK_KIT_LIMITS.identifier) {
    report(check, path, `has ${value.length} characters, more than ${BLOCK_KIT_LIMITS.identifier}`);
  }
}
