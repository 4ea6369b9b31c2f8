/**
 * Whether a quiz's colour option (Quizdown's `primaryColor`, `secondaryColor`, `textColor`) is a CSS
 * colour sabaq may hand to the quiz's style: a strict pattern, the same in Node (`sabaq check`) and in
 * every browser, so that nothing but a colour (no `;`, `url(…)` or `var(…)`) reaches a style.
 * A colour name is any single word: the list of CSS names would cost learners about 0.9 KB of the
 * gzipped bundle, and a browser ignores a name it does not know, so the quiz keeps its usual colour.
 */
const NUMBER = String.raw`[+-]?(?:\d+\.?\d*|\.\d+)(?:%|deg|turn)?`;
const COLOR = new RegExp(
  String.raw`^(?:#(?:[\da-f]{3,4}|[\da-f]{6}|[\da-f]{8})|[a-z]{3,20}|(?:rgba?|hsla?)\(\s*${NUMBER}(?:(?:\s*,\s*|\s+)${NUMBER}){2}(?:\s*[,/]\s*${NUMBER})?\s*\))$`,
  'i',
);

export function isCssColor(value: string): boolean {
  return COLOR.test(value.trim());
}
