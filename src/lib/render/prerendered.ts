/**
 * Markdown that `sabaq build` rendered to HTML ahead of time, by source: the lessons and quizzes of a
 * prebuilt course (SPEC §2.6) are shown without marked, which such a page never loads. The HTML came
 * from a file, so it is as untrusted as any other: the renderer sanitises it just the same. No DOM here:
 * the CLI writes these tables in Node.
 */
export interface PrerenderedHtml {
  /** Block Markdown (paragraphs, lists, tables…) → HTML. */
  markdown: Record<string, string>;
  /** One line of Markdown → HTML without a paragraph. */
  inline: Record<string, string>;
}

const blocks = new Map<string, string>();
const inlines = new Map<string, string>();

/** Makes a loaded course's HTML available to the renderer. */
export function addPrerendered(html: PrerenderedHtml): void {
  for (const [source, rendered] of Object.entries(html.markdown)) blocks.set(source, rendered);
  for (const [source, rendered] of Object.entries(html.inline)) inlines.set(source, rendered);
}

/** The HTML `sabaq build` rendered for `source`, if a loaded course carries it. */
export function prerendered(source: string, inline: boolean): string | undefined {
  return (inline ? inlines : blocks).get(source);
}
