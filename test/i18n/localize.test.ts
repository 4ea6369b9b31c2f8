import { expect, fixtureSync, html } from '@open-wc/testing';
import '../../src/define.js';
import type { SabaqCoursePlayer } from '../../src/components/course-player/course-player.js';
import { freshNamespace, shadowElement } from '../components/helpers.js';

/** Counts the ancestors asked for their `lang` while `action` runs. */
async function langLookups(action: () => Promise<unknown>): Promise<number> {
  const hasAttribute = Element.prototype.hasAttribute;
  let lookups = 0;
  Element.prototype.hasAttribute = function (this: Element, name: string) {
    if (name === 'lang') lookups++;
    return hasAttribute.call(this, name);
  };
  try {
    await action();
  } finally {
    Element.prototype.hasAttribute = hasAttribute;
  }
  return lookups;
}

describe('localize', () => {
  it('resolves the language once per update, not for every string shown', async () => {
    // No course, so no course language: the nearest ancestor's lang decides, four levels up.
    // fixtureSync: fixture() waits for an animation frame, which a page in a background tab lacks.
    const broken = fixtureSync<HTMLDivElement>(html`<div lang="ur"><section><div><div>
      <sabaq-course-player namespace=${freshNamespace()}></sabaq-course-player>
    </div></div></section></div>`);
    const shown = broken.querySelector<SabaqCoursePlayer>('sabaq-course-player')!;
    await shadowElement(shown, '.notice');
    const lookups = await langLookups(async () => {
      shown.requestUpdate();
      await shown.updateComplete;
    });
    expect(lookups, 'ancestors asked for their lang in one update').to.be.at.most(4);
    expect(shown.shadowRoot!.textContent, "the ancestor's language").to.contain('اس حصے کے لیے کوئی کورس مقرر نہیں کیا گیا۔');

    broken.setAttribute('lang', 'en');
    shown.requestUpdate();
    await shown.updateComplete;
    expect(shown.shadowRoot!.textContent, 'the new language at the next update').to.contain('No course is set for this element.');
  });
});
