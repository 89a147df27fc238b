/**
 * SSML reduced to what a web-phone caller reads: the words only. Tags go (a `<break>` and the ends of
 * paragraphs and sentences leave a space so words never run together), entities are decoded, whitespace is
 * collapsed. A `<sub alias="...">` keeps its written text; `<say-as>` keeps its content as written.
 */

/** A tag: `<` then a name (or `/name`), attributes that may quote `>`, then `>` or `/>`. */
const TAG = /<(\/?)([A-Za-z][\w:.-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
const COMMENT = /<!--[\s\S]*?-->/g;
const CDATA = /<!\[CDATA\[([\s\S]*?)\]\]>/g;
const DECLARATION = /<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>/gi;
const ENTITY = /&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi;

/** Tags whose boundary separates words when they are removed. */
const SPACING = new Set(['break', 'p', 's', 'speak', 'mark']);

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

function decodeEntity(whole: string, body: string): string {
  if (body.startsWith('#')) {
    const hex = body[1] === 'x' || body[1] === 'X';
    const code = Number.parseInt(body.slice(hex ? 2 : 1), hex ? 16 : 10);
    return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  }
  return NAMED[body.toLowerCase()] ?? whole;
}

/** Entities are decoded in text only; CDATA sections stay literal. */
const decode = (text: string): string => text.replace(ENTITY, decodeEntity);

export function ssmlToText(ssml: string): string {
  const parts: string[] = [];
  let last = 0;
  // CDATA is kept aside first so its content is neither parsed as tags nor decoded.
  for (const m of ssml.matchAll(CDATA)) {
    parts.push(decode(stripTags(ssml.slice(last, m.index))), m[1] ?? '');
    last = m.index + m[0].length;
  }
  parts.push(decode(stripTags(ssml.slice(last))));
  return parts.join('').replace(/\s+/g, ' ').trim();
}

function stripTags(markup: string): string {
  return markup
    .replace(COMMENT, '')
    .replace(DECLARATION, '')
    .replace(TAG, (_whole, _slash: string, name: string) =>
      SPACING.has(name.toLowerCase().replace(/^amazon:/, '')) ? ' ' : '',
    );
}
