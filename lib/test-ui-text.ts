// For unit tests: what lib/ says as one line of message codes and parameters,
// so tests assert the code chosen and what fills it, not the English wording.
import type { UiTextParam } from './ui-text.ts';

export function codeLine(text: UiTextParam): string {
  if (typeof text === 'string') return text;
  if (typeof text === 'number') return String(text);
  if (Array.isArray(text)) return `[${(text as readonly UiTextParam[]).map(codeLine).join(', ')}]`;
  const { code, params } = text as Exclude<UiTextParam, string | number | readonly UiTextParam[]>;
  const filled = Object.entries(params ?? {}).map(([name, value]) => `${name}=${codeLine(value)}`);
  return filled.length ? `${code}(${filled.join(', ')})` : code;
}
