/// <reference types="vite/client" />
import { type Decorator, type Preview, setCustomElementsManifest } from '@storybook/web-components-vite';
import type { ArgTypesEnhancer } from 'storybook/internal/types';
import { html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import '../src/define.js';
import { theme } from '../src/internal/theme.js';
import { COURSES } from '../stories/support.js';

interface ManifestDeclaration {
  kind: string;
  name: string;
  members?: { kind: string; privacy?: string; static?: boolean; readonly?: boolean; attribute?: string }[];
}

// custom-elements.json, written by `cem analyze` (npm run build, or before every Storybook run); read
// through a glob so that type-checking a fresh clone does not need it.
const [manifest] = Object.values(
  import.meta.glob<{ modules: { declarations?: ManifestDeclaration[] }[] }>('../custom-elements.json', { eager: true, import: 'default' }),
);
for (const declaration of manifest?.modules.flatMap((module) => module.declarations ?? []) ?? []) {
  // Controls and docs list the public API: attributes, public properties, events, parts, custom properties.
  declaration.members = declaration.members?.filter(
    (member) => member.kind === 'field' && !member.privacy && !member.static && !member.readonly && !member.attribute,
  );
}
if (manifest) setCustomElementsManifest(manifest);

/** Controls for the manifest's CSS custom properties (stories/support.ts sets them on the element); events and parts are only listed. */
const manifestControls: ArgTypesEnhancer = ({ argTypes }) =>
  Object.fromEntries(
    Object.entries(argTypes).map(([name, argType]) => {
      const category = argType.table?.category;
      if (category === 'css custom properties')
        return [name, { ...argType, control: { type: name.includes('-color-') ? 'color' : 'text' } }];
      return [name, category === 'events' || category === 'css shadow parts' ? { ...argType, control: false } : argType];
    }),
  );

// The Loading stories' course URL never answers, so they show an element whose fetch is still pending.
const fetch = window.fetch.bind(window);
const pending = new URL(COURSES.pending, document.baseURI).href;
window.fetch = (input, init) =>
  (input instanceof Request ? input.url : new URL(input, document.baseURI).href) === pending ? new Promise(() => {}) : fetch(input, init);

/** Each scheme's colours as theme.ts gives them (light, then under `prefers-color-scheme: dark`), set as `--sabaq-color-*`. */
const [lightCss, darkCss] = theme.cssText.split('prefers-color-scheme: dark');
const palette = (css = '') =>
  Object.fromEntries([...css.matchAll(/(--sabaq-color-[\w-]+),\s*(#\w+)/g)].map(([, property, value]) => [property!, value!]));
const palettes: Record<string, Record<string, string>> = { light: palette(lightCss), dark: palette(darkCss?.split('}')[0]) };

/** The page around each story: its language and direction, and its colour scheme, whatever the system's. */
const page: Decorator = (story, { globals, viewMode }) => {
  const scheme = globals.scheme === 'dark' ? 'dark' : 'light';
  const style = {
    ...palettes[scheme],
    'color-scheme': scheme,
    background: 'var(--sabaq-color-surface)',
    color: 'var(--sabaq-color-text)',
    padding: '1rem',
    'min-height': viewMode === 'story' ? '100vh' : 'auto',
    'box-sizing': 'border-box',
  };
  return html`<div lang=${globals.lang} dir=${globals.lang === 'ur' ? 'rtl' : 'ltr'} style=${styleMap(style)}>${story()}</div>`;
};

const preview: Preview = {
  tags: ['autodocs'],
  decorators: [page],
  argTypesEnhancers: [manifestControls],
  globalTypes: {
    lang: {
      description: 'Language of the page around the element',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        dynamicTitle: true,
        items: [
          { value: 'en', title: 'English' },
          { value: 'ur', title: 'اردو' },
        ],
      },
    },
    scheme: {
      description: 'Colour scheme',
      toolbar: {
        title: 'Scheme',
        icon: 'mirror',
        dynamicTitle: true,
        items: [
          { value: 'light', title: 'Light', icon: 'sun' },
          { value: 'dark', title: 'Dark', icon: 'moon' },
        ],
      },
    },
  },
  initialGlobals: { lang: 'en', scheme: 'light' },
  parameters: { layout: 'fullscreen', controls: { expanded: true } },
};

export default preview;
