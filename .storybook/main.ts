import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true },
  // The courses the stories show, served beside iframe.html: `courses/academy/course.md`, `demo-courses/export-academy/course.md`.
  staticDirs: [
    { from: '../test/fixtures/courses', to: '/courses' },
    { from: '../demo/courses', to: '/demo-courses' },
  ],
};

export default config;
