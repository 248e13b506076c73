// Text that goes into SVG: the five XML specials escaped, and characters XML cannot hold at all
// (control characters, lone surrogates, U+FFFE/U+FFFF) dropped, so any prompt renders as inert text.

// biome-ignore lint/suspicious/noControlCharactersInRegex: this is the XML 1.0 Char production, control characters included on purpose.
const INVALID_XML = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function escapeXml(text: string): string {
  return text
    .replace(INVALID_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
