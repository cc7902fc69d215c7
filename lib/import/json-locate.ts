// Finds where JSON text first goes wrong. Engines word (and place) JSON.parse
// errors differently, and V8 often gives no position at all; this scanner
// gives the same line and column everywhere. Only called after JSON.parse failed.
import { uiText, type UiText, type UiTextParam } from '../ui-text.ts';

export interface JsonSyntaxError {
  offset: number;
  line: number;
  column: number;
  message: UiText;
}

export function locateJsonError(text: string): JsonSyntaxError | null {
  let i = 0;
  const fail = (message: UiText): never => {
    throw Object.assign(new Error(message.code), { offset: i, problem: message });
  };
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const show = (): UiTextParam => (i >= text.length ? uiText('import.json.endOfFile') : `"${text[i]}"`);
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail(uiText('import.json.unexpected', { found: show() }));
  };
  const string = () => {
    i++;
    while (i < text.length) {
      const c = text[i]!;
      if (c === '"') {
        i++;
        return;
      }
      if (c === '\\') {
        const n = text[i + 1];
        if (n === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail(uiText('import.json.badUnicodeEscape'));
          i += 6;
        } else if (n !== undefined && '"\\/bfnrt'.includes(n)) i += 2;
        else fail(uiText('import.json.badEscape'));
      } else if (c < ' ') fail(uiText(c === '\n' ? 'import.json.lineBreak' : 'import.json.control'));
      else i++;
    }
    fail(uiText('import.json.unclosed'));
  };
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m) fail(uiText('import.json.unexpected', { found: show() }));
    i += m![0].length;
  };
  const value = (depth: number): void => {
    if (depth > 500) fail(uiText('import.json.tooDeep'));
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail(text[i] === '}' ? uiText('import.json.trailingComma', { close: '"}"' }) : uiText('import.json.expectedKey', { found: show() }));
        string();
        ws();
        if (text[i] !== ':') fail(uiText('import.json.expectedColon', { found: show() }));
        i++;
        value(depth + 1);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        fail(uiText('import.json.expectedComma', { close: '"}"', found: show() }));
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] === ']') fail(uiText('import.json.trailingComma', { close: '"]"' }));
        value(depth + 1);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        fail(uiText('import.json.expectedComma', { close: '"]"', found: show() }));
      }
    }
    if (c === '"') return string();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return number();
    fail(uiText('import.json.unexpected', { found: show() }));
  };
  try {
    if (text.charCodeAt(0) === 0xfeff) i = 1;
    value(0);
    ws();
    if (i < text.length) fail(uiText('import.json.afterEnd', { found: show() }));
    return null;
  } catch (err) {
    const offset = (err as { offset?: number }).offset ?? i;
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    const problem = (err as { problem?: UiText }).problem;
    if (!problem) throw err;
    return { offset, line, column, message: problem };
  }
}
