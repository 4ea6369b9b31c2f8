import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { COURSES, narrow, renderElement, seedCourse, sharedArgTypes } from './support.js';

// A learner's progress in the demo course. The docs page's description is the element's own, from custom-elements.json.
const meta: Meta = {
  title: 'Elements/Progress tracker',
  component: 'sabaq-progress-tracker',
  render: renderElement,
  argTypes: { ...sharedArgTypes, layout: { control: 'inline-radio', options: ['full', 'compact'] } },
  args: { src: COURSES.demo, learner: '', lang: '', layout: 'full' },
};
export default meta;
type Story = StoryObj;

/** Nothing done yet: Continue points at the first lesson. */
export const NotStarted: Story = { args: { namespace: 'tracker-not-started' } };

/** Five lessons done: per-module progress, quiz best scores and time spent. */
export const InProgress: Story = { args: { namespace: 'tracker-in-progress' }, loaders: [seedCourse({ complete: 5, open: 5 })] };

/** The compact layout: percent, lessons done and Continue only. */
export const Compact: Story = { ...InProgress, args: { namespace: 'tracker-compact', layout: 'compact' } };

/** Every lesson complete: no Continue link. */
export const Done: Story = { args: { namespace: 'tracker-done' }, loaders: [seedCourse({ complete: Infinity, open: -1 })] };

/** No `src`. */
export const Empty: Story = { args: { src: '', namespace: 'tracker-empty' } };

/** The manifest is still being fetched. */
export const Loading: Story = { args: { src: COURSES.pending, namespace: 'tracker-loading' } };

/** The manifest is not found (404), with Retry. */
export const LoadError: Story = { args: { src: COURSES.notFound, namespace: 'tracker-error' } };

/** The Urdu draft of the course, right to left, with Urdu numerals. */
export const RTL: Story = {
  args: { src: COURSES.urdu, lang: 'ur', namespace: 'tracker-rtl' },
  globals: { lang: 'ur' },
  loaders: [seedCourse({ complete: 5, open: 5 })],
};

export const Dark: Story = { ...InProgress, args: { namespace: 'tracker-dark' }, globals: { scheme: 'dark' } };

/** 360 pixels wide. */
export const Narrow: Story = { ...InProgress, args: { namespace: 'tracker-narrow' }, decorators: [narrow] };

/** One word of the course title is longer than the screen is wide: it wraps. */
export const LongTitle: Story = {
  args: { src: COURSES.longTitle, namespace: 'tracker-long-title' },
  loaders: [seedCourse({ complete: 1, open: 1 })],
  decorators: [narrow],
};

/** The same in an Urdu course, right to left. */
export const LongTitleRTL: Story = {
  args: { src: COURSES.longTitleUrdu, lang: 'ur', namespace: 'tracker-long-title-rtl' },
  globals: { lang: 'ur' },
  loaders: [seedCourse({ complete: 1, open: 1 })],
  decorators: [narrow],
};
