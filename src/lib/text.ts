/** Small text helpers shared by the parsers. */

/** Strips a byte-order mark and turns CRLF / CR line ends into LF, so line numbers match editors. */
export function normalizeNewlines(source: string): string {
  return source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** Number of line breaks in `text`. */
export function countLines(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

/** Shortens text for quoting it in a message: `"Under FOB, who pays…"`. */
export function quote(text: string, max = 40): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return `"${flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat}"`;
}

/** Levenshtein distance, for did-you-mean suggestions on short keys. */
export function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      previous[j] = Math.min(above + 1, previous[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length]!;
}

/** The file name without directories or the `.md` extension: `lessons/why.md` → `why`. */
export function baseName(path: string): string {
  const name = path.split(/[?#]/)[0]!.split('/').pop() ?? '';
  return name.replace(/\.(md|markdown)$/i, '');
}

/** A 53-bit content hash as 14 hex digits (cyrb53). Sync and pure, so it works in Node, in any browser
 * and on plain-http partner pages where `crypto.subtle` is missing. It detects edits; it is not a
 * security measure. */
export function contentHash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

/**
 * Markdown written inside a page, indented like the HTML around it. The blank lines before it go
 * (front matter must come first), and so does the indentation its lines share (indented four spaces,
 * "= 52" would be a code block, not an answer); deeper indentation, such as an option's feedback, stays.
 * Indentation is counted in characters, a tab as one, so a page should not mix tabs and spaces.
 *
 * `line` is the line the kept text starts on, counting the given text from line 1; a parser adds it to
 * the lines it reports, so author errors count from where the text began.
 */
export function dedent(text: string): { text: string; line: number } {
  const lines = text.split('\n');
  const first = lines.findIndex((line) => line.trim());
  if (first === -1) return { text: '', line: 1 };
  const kept = lines.slice(first);
  const indent = Math.min(...kept.filter((line) => line.trim()).map((line) => line.search(/\S/)));
  return { text: kept.map((line) => line.slice(indent)).join('\n'), line: first + 1 };
}
