/**
 * Kind 1 (text that becomes a runner command) and kind 7 (summaries render PR-controlled
 * Markdown), at the level of the one module every front end uses:
 * packages/core/untrusted-text.ts. Properties hold for any string; the named inputs are the
 * issue's and variants of them.
 */
import fc from 'fast-check';
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import {
  CONTROL_CHARACTERS,
  findControlCharacter,
  markdownCode,
  markdownFence,
  markdownMessage,
  markdownText,
  printable,
  safeLine,
  safeLines,
} from '../../packages/core/untrusted-text.js';
import { commandProblems, readAsRunner } from '../support/runner.js';
import { HOSTILE_TEXT } from './hostile.js';

const STRANGE = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc
    .array(
      fc.constantFrom('::', '##[', ']', '\n', '\r', ' ', '\u00a0', 'stop-commands', 'add-mask', 'x', '%0A'),
      {
        maxLength: 16,
      },
    )
    .map((a) => a.join('')),
);

describe('log lines: no untrusted text becomes a runner command', () => {
  it('the issue inputs and variants are neutralised and still readable', () => {
    for (const text of HOSTILE_TEXT) {
      const out = safeLines(`purpose: ${text}\n${text}`).join('\n');
      const r = readAsRunner(`${out}\n`);
      expect(commandProblems(r), JSON.stringify(text)).toEqual([]);
      expect(r.commands, JSON.stringify(text)).toEqual([]);
    }
    expect(safeLine('Fix typo ##[stop-commands]x')).toBe('Fix typo #\\u0023[stop-commands]x');
    expect(safeLine('  ::stop-commands::x')).toBe('  \\u003a:stop-commands::x');
    expect(safeLines('a\n::b::c')).toEqual(['a', '\\u003a:b::c']);
    expect(safeLine('a\rb')).toBe('a\\u000db');
  });

  it('property: any text printed through safeLines issues no command, after any prefix', () => {
    fc.assert(
      fc.property(fc.constantFrom('', '  ', 'info: '), STRANGE, (prefix, text) => {
        const r = readAsRunner(`${safeLines(prefix + text).join('\n')}\n`);
        expect(r.commands).toEqual([]);
        expect(r.stopCommands).toEqual([]);
      }),
      { numRuns: 1500 },
    );
  });

  it('property: a JSON document passed line by line stays the same document', () => {
    fc.assert(
      fc.property(fc.jsonValue(), STRANGE, (value, text) => {
        const doc = { value, text, nested: [text, { text }] };
        const pretty = JSON.stringify(doc, null, 2);
        expect(JSON.parse(safeLines(pretty).join('\n'))).toEqual(JSON.parse(pretty));
        expect(readAsRunner(safeLines(pretty).join('\n')).commands).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('printable shows C0, DEL, C1, U+2028/9 and bidi controls as \\u escapes', () => {
    expect(printable('a\nb\tc\u007f\u0085\u2028\u202e\u2066d')).toBe(
      'a\\u000ab\\u0009c\\u007f\\u0085\\u2028\\u202e\\u2066d',
    );
    expect(printable('plain text, émoji 👍')).toBe('plain text, émoji 👍');
  });

  it('ANSI colours survive for a terminal only when asked for', () => {
    expect(safeLine('\u001b[31mred\u001b[0m', { ansi: true })).toBe('\u001b[31mred\u001b[0m');
    expect(safeLine('\u001b[31mred\u001b[0m')).toBe('\\u001b[31mred\\u001b[0m');
  });
});

describe('control characters refused in one-line fields', () => {
  it('findControlCharacter names the first one', () => {
    expect(findControlCharacter('Fix typo\n::stop-commands::x')).toEqual({ index: 8, codePoint: 'U+000A' });
    expect(findControlCharacter('a\u2028b')?.codePoint).toBe('U+2028');
    expect(findControlCharacter('a\u0085b')?.codePoint).toBe('U+0085');
    expect(findControlCharacter('Fix typo ##[stop-commands]x')).toBeUndefined();
  });

  it('the registry schema refuses the same characters', async () => {
    const { readFileSync } = await import('node:fs');
    const schema = JSON.parse(
      readFileSync(new URL('../../schemas/agent-config.schema.json', import.meta.url), 'utf8'),
    );
    const agent = schema.definitions.agent.properties;
    for (const key of ['owner', 'purpose']) {
      const pattern = new RegExp(agent[key].else.pattern, 'u');
      for (let c = 0; c <= 0x3000; c++) {
        const ch = String.fromCharCode(c);
        expect(pattern.test(`a${ch}b`), `${key} U+${c.toString(16)}`).toBe(!CONTROL_CHARACTERS.test(ch));
      }
      // A YAML block scalar's single trailing line break is allowed (the value is trimmed).
      expect(pattern.test('one line\n')).toBe(true);
    }
  });
});

/** HTML elements a rendering may hold; anything else came from untrusted text. */
function elements(html: string): string[] {
  return [...html.matchAll(/<([a-zA-Z][a-zA-Z0-9]*)/g)].map((m) => m[1]!.toLowerCase());
}

const MARKDOWN_ATTACKS = [
  '![x](https://evil.example/pixel.png)',
  '[click](https://evil.example)',
  '<img src=https://evil.example/p.png>',
  '<a href="https://evil.example">x</a>',
  '<script>alert(1)</script>',
  'https://evil.example/autolink',
  'www.evil.example',
  'me@evil.example',
  '<https://evil.example>',
  '# heading',
  '- list',
  '1. ordered',
  '> quote',
  '**bold** _em_ ~~strike~~',
  '`code` and ``double``',
  'a | b | c',
  'a \\| b',
  '&lt;img src=x&gt; &amp;',
  '$x^2$ math',
  '[^1] footnote',
  '[ref]: https://evil.example',
  '    indented code',
  '---',
  '===',
  '\\',
  'line\nbreak\n# heading',
];

describe('Markdown: untrusted text renders as the characters typed', () => {
  it('markdownText: no element, and the text comes back as typed', () => {
    for (const text of MARKDOWN_ATTACKS) {
      const html = marked.parse(`| k | v |\n|---|---|\n| x | ${markdownText(text)} |\n`, { async: false });
      expect(
        elements(html).filter((e) => !['table', 'thead', 'tbody', 'tr', 'th', 'td'].includes(e)),
        text,
      ).toEqual([]);
      const cell = /<td>x<\/td>\s*<td>([\s\S]*?)<\/td>/.exec(html)?.[1];
      expect(decode(cell ?? ''), text).toBe(printable(text));
    }
  });

  it('property: any text stays one literal cell, in a table and in a list', () => {
    fc.assert(
      fc.property(STRANGE, fc.constantFrom(...MARKDOWN_ATTACKS), (a, b) => {
        const text = a + b;
        const table = marked.parse(`| k | v |\n|---|---|\n| x | ${markdownText(text)} |\n`, { async: false });
        expect(
          elements(table).filter((e) => !['table', 'thead', 'tbody', 'tr', 'th', 'td'].includes(e)),
        ).toEqual([]);
        expect((table.match(/<td>/g) ?? []).length).toBe(2);
        const list = marked.parse(`- ${markdownText(text)}\n`, { async: false });
        expect(elements(list)).toEqual(['ul', 'li']);
      }),
      { numRuns: 800 },
    );
  });

  it('markdownCode: literal code, whatever backticks or pipes it holds', () => {
    for (const text of [...MARKDOWN_ATTACKS, '`', '``a``', ' x ', 'a\\|b<img src=x>', '`|`']) {
      const html = marked.parse(`| k |\n|---|\n| ${markdownCode(text)} |\n`, { async: false });
      expect(
        elements(html).filter((e) => !['table', 'thead', 'tbody', 'tr', 'th', 'td'].includes(e)),
        text,
      ).toEqual(['code']);
      expect(decode(/<code>([\s\S]*?)<\/code>/.exec(html)?.[1] ?? ''), text).toBe(printable(text));
    }
  });

  it('markdownMessage: a rule message keeps its code spans, a value cannot add elements', () => {
    const value = '`<img src=x>` ![p](https://evil.example/p.png) `` ` ``';
    const html = marked.parseInline(markdownMessage(`uses \`${value}\` here`), { async: false });
    expect(elements(html).every((e) => e === 'code')).toBe(true);
    expect(html).not.toMatch(/<img|<a /);
  });

  it('markdownFence: no line of the text closes the fence early', () => {
    const text = 'a\n```\n<img src=x>\n````\n~~~';
    const html = marked.parse(`${markdownFence(text, 'text')}\n\n<b>after</b>\n`, { async: false });
    expect(html.indexOf('&lt;img src=x&gt;')).toBeGreaterThan(0);
    expect(elements(html.slice(0, html.indexOf('</pre>')))).toEqual(['pre', 'code']);
  });
});

function decode(html: string): string {
  return html
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCharCode(Number(n)))
    .replace(/&amp;/g, '&');
}
