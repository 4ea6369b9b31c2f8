/**
 * The certificate as one SVG drawing: shown on screen, printed and downloaded, so all three look alike.
 * Text is escaped by Lit's `svg` template. Each row of text is first measured in the certificate's font
 * (a Nastaliq line's box is two to three times its font size, and depends on its letters); a long row
 * is made smaller and wrapped by its mean letter width, each line is as tall as its row's box, and
 * everything is made smaller where the lines would not fit on the paper.
 */
import { render, svg } from 'lit';

export interface CertificateText {
  heading: string;
  certifies: string;
  learnerName: string;
  hasCompleted: string;
  courseTitle: string;
  issuedBy?: string;
  date: string;
  score: string;
  codeLabel: string;
  code: string;
  dir: 'ltr' | 'rtl';
  fontFamily: string;
  /** The heading's and borders' colour: it must read on the paper (#fffdf7), as the other colours do. */
  primary: string;
}

/** Room for text inside the inner border (40–960 × 40–660). */
const MAX_WIDTH = 840;
const HEIGHT = 598;

/** Splits text into lines of at most `max` characters at spaces. */
function wrap(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && `${line} ${word}`.length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line];
}

export function certificateSvg(text: CertificateText) {
  // Each row: its text, font size, weight, lines at most, and its share of the spare height above it.
  const rows: [string, number, number, number, number][] = [
    [text.heading, 46, 700, 1, 1],
    [text.certifies, 24, 400, 2, 2],
    [text.learnerName, 44, 700, 2, 1],
    [text.hasCompleted, 24, 400, 2, 2],
    [text.courseTitle, 34, 700, 2, 1],
    ...(text.issuedBy ? [[text.issuedBy, 22, 400, 2, 3] as [string, number, number, number, number]] : []),
    [`${text.date} · ${text.score}`, 20, 400, 2, text.issuedBy ? 1 : 3],
    [`${text.codeLabel}: ${text.code}`, 18, 400, 1, 1],
  ];
  // Measured at 100px in an unseen SVG on the page for a moment, never drawn.
  const probe = document.body.appendChild(document.createElement('div'));
  render(
    svg`<svg font-family=${text.fontFamily}>${rows.map(([row, , weight]) => svg`<text font-size="100" font-weight=${weight}>${row}</text>`)}</svg>`,
    probe,
  );
  const lines = [...probe.querySelectorAll('text')].flatMap((measured, i) => {
    const [row, size, , maxLines] = rows[i]!;
    const box = measured.getBBox();
    // Room above and below: drawn larger or smaller, glyphs land on other pixels and a box moves by up
    // to 5 % (Nastaliq's stacked letters most). Where nothing is laid out (a hidden page), a guess.
    const [width, ascent, descent] = box.height
      ? [box.width, 0.06 * box.height - box.y, box.y + 1.06 * box.height].map((n) => n / 100)
      : [row.length / 2, 2.4, 0.8];
    // Smaller until the row fits on `maxLines` lines with a tenth to spare (for uneven breaks) and its
    // longest word on one, but no smaller than 12.
    const longest = Math.max(...row.split(' ').map((word) => word.length));
    const fitted = Math.max(12, Math.min(size, (0.9 * MAX_WIDTH * maxLines) / width!, (MAX_WIDTH * row.length) / (width! * longest)));
    return wrap(row, (MAX_WIDTH * row.length) / (width! * fitted)).map(
      (line) => [line, i, fitted, ascent! * fitted, descent! * fitted] as const,
    );
  });
  probe.remove();
  // Everything smaller where the lines alone are taller than the paper (long Nastaliq texts); the
  // spare height is shared out between the rows.
  const height = lines.reduce((sum, [, , , ascent, descent]) => sum + ascent + descent, 0);
  const scale = Math.min(1, HEIGHT / height);
  const spare = (HEIGHT - height * scale) / rows.reduce((sum, row) => sum + row[4], 0);
  let y = 52;
  let rule = 0;
  const texts = lines.map(([line, row, size, ascent, descent], i) => {
    if (row !== lines[i - 1]?.[1]) {
      y += rows[row]![4] * spare;
      // The rule under the name, halfway to the next row.
      if (row === 3) rule = y - spare;
    }
    const baseline = y + ascent * scale;
    y = baseline + descent * scale;
    return row === rows.length - 1
      ? // The space is an expression: the bundle's template minifier drops spaces before a tag.
        svg`<text x="500" y=${baseline} font-size=${size * scale} fill="#55625b">${`${text.codeLabel}: `}<tspan font-family="monospace" direction="ltr" unicode-bidi="embed">${text.code}</tspan></text>`
      : svg`<text x="500" y=${baseline} font-size=${size * scale} font-weight=${rows[row]![2]} fill=${row ? '#1b2420' : text.primary}>${line}</text>`;
  });
  return svg`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1000 700"
      role="img" aria-label="${text.heading}: ${text.learnerName}, ${text.courseTitle}" direction=${text.dir}
      font-family=${text.fontFamily}>
    <rect width="100%" height="100%" fill="#fffdf7" />
    <rect x="24" y="24" width="952" height="652" fill="none" stroke=${text.primary} stroke-width="6" rx="8" />
    <rect x="40" y="40" width="920" height="620" fill="none" stroke=${text.primary} stroke-width="1.5" rx="4" />
    <line x1="250" y1=${rule} x2="750" y2=${rule} stroke="#c9d3cd" stroke-width="2" />
    <g text-anchor="middle">${texts}</g>
  </svg>`;
}
