// What editors, Storybook and partners' tooling read about the elements: custom-elements.json, written
// afresh from the current source by the command `npm run build` runs.
import assert from 'node:assert/strict';
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
/** @type {Map<string, any>} tag name → declaration */
const elements = new Map();

before(() => {
  const build = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts.build;
  const analyze = /cem (analyze [^&]+)/.exec(build)[1].trim();
  execSync(`node node_modules/@custom-elements-manifest/analyzer/cem.js ${analyze}`, { cwd: root, stdio: 'ignore' });
  const manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));
  for (const declaration of manifest.modules.flatMap((module) => module.declarations ?? [])) {
    if (declaration.tagName) elements.set(declaration.tagName, declaration);
  }
});

/** SPEC §3's attributes and §4's events, per element. */
const CONTRACT = {
  'sabaq-course-player': {
    attributes: ['src', 'learner', 'namespace', 'lang'],
    events: ['sabaq-lesson-start', 'sabaq-lesson-complete', 'sabaq-quiz-submit', 'sabaq-course-complete', 'sabaq-progress', 'sabaq-error'],
  },
  'sabaq-quiz': { attributes: ['src', 'learner', 'namespace', 'lang'], events: ['sabaq-quiz-submit', 'sabaq-error'] },
  'sabaq-progress-tracker': { attributes: ['src', 'learner', 'namespace', 'lang'], events: ['sabaq-error'] },
  'sabaq-certificate': {
    attributes: ['src', 'learner', 'namespace', 'lang', 'verify-url'],
    events: ['sabaq-certificate-issue', 'sabaq-error'],
  },
};

/** The custom properties src/internal/theme.ts reads: every element takes all of them. */
const themeProperties = [...new Set(readFileSync(join(root, 'src/internal/theme.ts'), 'utf8').match(/--sabaq-[a-z-]+/g))].sort();

describe('custom-elements.json', () => {
  it('lists the four elements and nothing else as an element', () => {
    assert.deepEqual([...elements.keys()].sort(), Object.keys(CONTRACT).sort());
  });

  for (const [tag, contract] of Object.entries(CONTRACT)) {
    describe(tag, () => {
      it('lists its attributes', () => {
        const attributes = elements.get(tag).attributes.map((attribute) => attribute.name);
        for (const name of contract.attributes) assert.ok(attributes.includes(name), `${tag} lacks the attribute ${name}`);
      });

      it('lists exactly its events, each with a description', () => {
        const events = elements.get(tag).events;
        assert.deepEqual(events.map((event) => event.name).sort(), [...contract.events].sort());
        for (const event of events) assert.ok(event.description, `${tag}: ${event.name} has no description`);
      });

      it('lists every --sabaq-* custom property of the theme, and the notice part', () => {
        const properties = elements
          .get(tag)
          .cssProperties.map((property) => property.name)
          .sort();
        assert.deepEqual(properties, themeProperties);
        const parts = elements.get(tag).cssParts.map((part) => part.name);
        assert.ok(parts.includes('notice'), `${tag} lacks the notice part`);
      });

      it('shows no internal member as public', () => {
        const publicMembers = elements.get(tag).members.filter((member) => !member.privacy || member.privacy === 'public');
        assert.deepEqual(
          publicMembers.filter((member) => member.name === 'contentLang'),
          [],
        );
      });
    });
  }
});
