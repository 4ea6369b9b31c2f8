/**
 * The certificate as one SVG drawing: shown on screen, printed and downloaded, so all three look alike.
 * Text is escaped by Lit's `svg` template; long lines are wrapped by a simple width estimate.
 */
import { svg } from 'lit';

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
  primary: string;
}

export const CERTIFICATE_WIDTH = 1000;
export const CERTIFICATE_HEIGHT = 700;

/** Splits text into lines of at most `max` characters at spaces. */
function wrap(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && `${line} ${word}`.length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return line ? [...lines, line] : lines;
}

export function certificateSvg(text: CertificateText) {
  const center = CERTIFICATE_WIDTH / 2;
  const titleLines = wrap(text.courseTitle, 40).slice(0, 3);
  const lineHeight = text.dir === 'rtl' ? 1.9 : 1.3;
  const titleTop = 385;
  const afterTitle = titleTop + titleLines.length * 38 * lineHeight;
  return svg`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${CERTIFICATE_WIDTH} ${CERTIFICATE_HEIGHT}"
      role="img" aria-label="${text.heading}: ${text.learnerName}, ${text.courseTitle}" direction=${text.dir}
      font-family=${text.fontFamily}>
    <rect width="100%" height="100%" fill="#fffdf7" />
    <rect x="24" y="24" width="952" height="652" fill="none" stroke=${text.primary} stroke-width="6" rx="8" />
    <rect x="40" y="40" width="920" height="620" fill="none" stroke=${text.primary} stroke-width="1.5" rx="4" />
    <g text-anchor="middle" fill="#1b2420">
      <text x=${center} y="130" font-size="46" font-weight="700" fill=${text.primary}>${text.heading}</text>
      <text x=${center} y="205" font-size="24">${text.certifies}</text>
      <text x=${center} y="275" font-size="44" font-weight="700">${text.learnerName}</text>
      <line x1="250" y1="300" x2="750" y2="300" stroke="#c9d3cd" stroke-width="2" />
      <text x=${center} y="345" font-size="24">${text.hasCompleted}</text>
      ${titleLines.map((line, i) => svg`<text x=${center} y=${titleTop + i * 38 * lineHeight} font-size="34" font-weight="700">${line}</text>`)}
      ${text.issuedBy ? svg`<text x=${center} y=${afterTitle + 30} font-size="22">${text.issuedBy}</text>` : ''}
      <text x=${center} y="585" font-size="20">${text.date} · ${text.score}</text>
      <!-- The space is an expression: the bundle's template minifier drops spaces before a tag. -->
      <text x=${center} y="625" font-size="18" fill="#55625b">${`${text.codeLabel}: `}<tspan font-family="monospace" direction="ltr" unicode-bidi="embed">${text.code}</tspan></text>
    </g>
  </svg>`;
}
