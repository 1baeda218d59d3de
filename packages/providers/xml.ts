/**
 * A strict, bounded reader for the small XML documents AWS Query APIs answer (STS): elements,
 * attributes (read and ignored), text, the five predefined entities, character references,
 * CDATA, comments and an XML declaration. Everything else is refused, DOCTYPE first (no entity
 * definitions, so no expansion attacks), and so are documents deeper, larger or with more
 * elements than the limits. The answer is untrusted input: errors say where and what was
 * expected, never the text they met (a success answer holds credentials).
 */

export interface XmlElement {
  /** Local name (a `prefix:` is dropped; STS uses a default namespace). */
  name: string;
  children: XmlElement[];
  /** The element's own text, entities decoded (text of children not included). */
  text: string;
}

export interface XmlLimits {
  maxBytes: number;
  maxDepth: number;
  maxElements: number;
}

export const DEFAULT_XML_LIMITS: XmlLimits = { maxBytes: 64 * 1024, maxDepth: 16, maxElements: 512 };

export class XmlError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(`${message} at offset ${offset}`);
    this.name = 'XmlError';
  }
}

const NAME = /[A-Za-z_][\w.:-]*/y;
const SPACE = /[ \t\r\n]*/y;
const ATTRIBUTE = /([A-Za-z_][\w.:-]*)[ \t\r\n]*=[ \t\r\n]*(?:"[^"<]*"|'[^'<]*')/y;
const ENTITY = /&(?:(lt|gt|amp|quot|apos)|#(\d{1,7})|#x([0-9A-Fa-f]{1,6}));/y;
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Parses a whole document into its root element; throws XmlError on anything outside the subset. */
export function parseXml(text: string, limits: XmlLimits = DEFAULT_XML_LIMITS): XmlElement {
  if (text.length > limits.maxBytes) throw new XmlError(`document larger than ${limits.maxBytes} bytes`, 0);
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let elements = 0;

  const fail = (what: string): never => {
    throw new XmlError(what, i);
  };
  const skipSpace = () => {
    SPACE.lastIndex = i;
    SPACE.exec(text);
    i = SPACE.lastIndex;
  };
  const startsWith = (s: string) => text.startsWith(s, i);
  const skipPast = (end: string, what: string) => {
    const at = text.indexOf(end, i);
    if (at < 0) fail(`unterminated ${what}`);
    i = at + end.length;
  };
  /** Comments (and, before the root, the declaration) between elements. */
  const skipMisc = (prolog: boolean) => {
    for (;;) {
      skipSpace();
      if (startsWith('<!--')) skipPast('-->', 'comment');
      else if (prolog && startsWith('<?xml')) skipPast('?>', 'XML declaration');
      else if (startsWith('<!DOCTYPE') || startsWith('<!ENTITY'))
        fail('DOCTYPE and entity declarations are not accepted');
      else if (startsWith('<?')) fail('processing instructions are not accepted');
      else return;
    }
  };
  const name = (): string => {
    NAME.lastIndex = i;
    const m = NAME.exec(text);
    if (!m) return fail('expected an element name');
    i = NAME.lastIndex;
    return m[0];
  };

  const element = (depth: number): XmlElement => {
    if (depth > limits.maxDepth) fail(`elements nested deeper than ${limits.maxDepth}`);
    if (++elements > limits.maxElements) fail(`more than ${limits.maxElements} elements`);
    if (text[i] !== '<') fail("expected '<'");
    i++;
    const qname = name();
    for (;;) {
      skipSpace();
      if (startsWith('/>')) {
        i += 2;
        return { name: localName(qname), children: [], text: '' };
      }
      if (text[i] === '>') {
        i++;
        break;
      }
      ATTRIBUTE.lastIndex = i;
      if (!ATTRIBUTE.exec(text)) fail('expected an attribute, ">" or "/>"');
      i = ATTRIBUTE.lastIndex;
    }
    const node: XmlElement = { name: localName(qname), children: [], text: '' };
    const parts: string[] = [];
    for (;;) {
      if (i >= text.length) fail(`unterminated element <${qname}>`);
      const ch = text[i];
      if (ch === '<') {
        if (startsWith('</')) {
          i += 2;
          if (name() !== qname) fail(`expected </${qname}>`);
          skipSpace();
          if (text[i] !== '>') fail("expected '>'");
          i++;
          node.text = parts.join('');
          return node;
        }
        if (startsWith('<!--')) skipPast('-->', 'comment');
        else if (startsWith('<![CDATA[')) {
          const start = i + 9;
          skipPast(']]>', 'CDATA section');
          parts.push(text.slice(start, i - 3));
        } else if (startsWith('<!') || startsWith('<?'))
          fail('declarations are not accepted inside elements');
        else node.children.push(element(depth + 1));
      } else if (ch === '&') {
        ENTITY.lastIndex = i;
        const m = ENTITY.exec(text);
        if (!m) fail('expected an entity (&lt; &gt; &amp; &quot; &apos; or &#N;)');
        i = ENTITY.lastIndex;
        parts.push(
          m?.[1]
            ? (PREDEFINED[m[1]] as string)
            : codePoint(m?.[2] ? Number(m[2]) : Number.parseInt(m?.[3] ?? '', 16)),
        );
      } else {
        const next = nextMarkup(text, i);
        parts.push(text.slice(i, next));
        i = next;
      }
    }
  };

  skipMisc(true);
  const root = element(1);
  skipMisc(false);
  if (i < text.length) fail('unexpected content after the root element');
  return root;

  function codePoint(n: number): string {
    // Only characters XML allows: no NUL or other C0 controls but tab, CR and LF, no surrogates.
    const ok =
      n === 0x9 ||
      n === 0xa ||
      n === 0xd ||
      (n >= 0x20 && n <= 0xd7ff) ||
      (n >= 0xe000 && n <= 0xfffd) ||
      (n >= 0x10000 && n <= 0x10ffff);
    if (!ok) fail('character reference to a character XML does not allow');
    return String.fromCodePoint(n);
  }
}

function nextMarkup(text: string, from: number): number {
  for (let j = from; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === 0x3c /* < */ || c === 0x26 /* & */) return j;
  }
  return text.length;
}

function localName(qname: string): string {
  const colon = qname.indexOf(':');
  return colon < 0 ? qname : qname.slice(colon + 1);
}

/** The first child named `name`, if any. */
export function xmlChild(el: XmlElement | undefined, name: string): XmlElement | undefined {
  return el?.children.find((c) => c.name === name);
}

/** The text of the element at `path` below `el` (first match at each step), trimmed. */
export function xmlText(el: XmlElement | undefined, ...path: string[]): string | undefined {
  let at = el;
  for (const step of path) at = xmlChild(at, step);
  return at?.text.trim();
}
