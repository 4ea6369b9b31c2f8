import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { parseLesson } from '../src/lib/course/lesson.js';
import { ProblemList } from '../src/lib/problems.js';
import { renderLesson } from '../src/lib/render/render.js';

/** How lesson Markdown renders once sanitised: the content every element shows. */
const meta: Meta<{ markdown: string }> = {
  title: 'Engine/Lesson content',
  render: ({ markdown }) => {
    const problems = new ProblemList();
    const context = { file: 'lesson.md', href: 'lesson.md', url: location.href, linkTitle: 'Lesson', module: 0 };
    const { lesson } = parseLesson(markdown, context, problems);
    return html`<article>${unsafeHTML(renderLesson(lesson))}</article>
      ${problems.items.length ? html`<pre>${problems.items.map((p) => `${p.line}: ${p.message}`).join('\n')}</pre>` : ''}`;
  },
  argTypes: { markdown: { control: 'text' } },
};
export default meta;

export const Admonitions: StoryObj<{ markdown: string }> = {
  args: {
    markdown: `# Choosing a marketplace

B2B marketplaces connect you with **importers**; B2C marketplaces with shoppers.

:::tip Start small
List five products you can ship reliably before listing fifty.
:::

| Kind | Buyers |
| --- | --- |
| B2B | importers, wholesalers |
| B2C | individual shoppers |
`,
  },
};

export const HostileMarkup: StoryObj<{ markdown: string }> = {
  args: {
    markdown: `Nothing below may run (the image fails to decode, so its onerror would fire): <img src="data:image/png;base64,AA==" onerror="alert(1)"> <a href="javascript:alert(1)">link</a>
<iframe src="https://example.com"></iframe><script>alert(1)</script>`,
  },
};

export const AuthorError: StoryObj<{ markdown: string }> = {
  args: { markdown: ':::warning\nThis callout is never closed.' },
};
