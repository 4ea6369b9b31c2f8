import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { COURSES, holdLessons, holdProgress, narrow, renderElement, seedCourse, sharedArgTypes } from './support.js';

// The demo course (19 lessons, opened one after another) at each point of a learner's way through it.
// The docs page's description is the element's own, from custom-elements.json.
const meta: Meta = {
  title: 'Elements/Course player',
  component: 'sabaq-course-player',
  render: renderElement,
  argTypes: sharedArgTypes,
  args: { src: COURSES.demo, learner: '', lang: '' },
};
export default meta;
type Story = StoryObj;

/** A learner who has opened no lesson yet: the start page; every lesson after the first is locked. */
export const NotStarted: Story = { args: { namespace: 'player-not-started' } };

/** Before the learner's progress is read (storage held busy for 5 s): the contents without lesson states,
 * and no lesson, start page or progress yet; then the learner's place fills in. */
export const WaitingForProgress: Story = { args: { namespace: 'player-waiting' }, loaders: [holdProgress] };

/** On a slow connection (the lesson files held back for 5 s): the start page and the contents from the
 * manifest alone, without lesson states or minutes; Start waits for the course. Then the lessons fill in. */
export const WaitingForLessons: Story = { args: { namespace: 'player-waiting-lessons' }, loaders: [holdLessons] };

/** Two lessons done: the player reopens the third, where the learner left off. */
export const InProgress: Story = { args: { namespace: 'player-in-progress' }, loaders: [seedCourse({ complete: 2, open: 2 })] };

/** The first lesson's quiz is not passed yet: Next stays disabled and later lessons are locked. */
export const Locked: Story = { args: { namespace: 'player-locked' }, loaders: [seedCourse({ complete: 0, open: 0 })] };

/** Every lesson complete and every quiz passed. */
export const Done: Story = { args: { namespace: 'player-done' }, loaders: [seedCourse({ complete: Infinity, open: -1 })] };

/** No `src`. */
export const Empty: Story = { args: { src: '', namespace: 'player-empty' } };

/** The manifest is still being fetched. */
export const Loading: Story = { args: { src: COURSES.pending, namespace: 'player-loading' } };

/** The manifest is not found (404), with Retry. */
export const LoadError: Story = { args: { src: COURSES.notFound, namespace: 'player-error' } };

/** A lesson file is missing: the player shows the author error in its place, the rest of the course works. */
export const AuthorError: Story = {
  args: { src: COURSES.missingLesson, namespace: 'player-author-error' },
  loaders: [seedCourse({ complete: 0, open: 2 })],
};

/** The Urdu draft of the course, right to left, two lessons done. */
export const RTL: Story = {
  args: { src: COURSES.urdu, lang: 'ur', namespace: 'player-rtl' },
  globals: { lang: 'ur' },
  loaders: [seedCourse({ complete: 2, open: 2 })],
};

export const Dark: Story = { ...InProgress, args: { namespace: 'player-dark' }, globals: { scheme: 'dark' } };

/** 360 pixels wide: the contents fold away behind a button. */
export const Narrow: Story = { ...InProgress, args: { namespace: 'player-narrow' }, decorators: [narrow] };

/** The manifest has author mistakes (`sequential: yes`, `pass: 80%`, `lang: English`, …): the start page lists each with its file and line. */
export const ManifestErrors: Story = { args: { src: COURSES.authorMistakes, namespace: 'player-manifest-errors' } };

/** The lesson's server answers HTTP 500: the player says so, with Try again; the other lessons still work. */
export const LessonServerError: Story = {
  args: { src: COURSES.unreachableLessons, namespace: 'player-lesson-server-error' },
  loaders: [seedCourse({ complete: 1, open: 1 })],
};

/** The lesson file is lost to the network: the player says so, with Try again. */
export const LessonNetworkError: Story = {
  args: { src: COURSES.unreachableLessons, namespace: 'player-lesson-network-error' },
  loaders: [seedCourse({ complete: 1, open: 2 })],
};

/** A lesson whose front matter requires itself: the author error in its place, the lessons around it still open. */
export const LessonMetadataError: Story = {
  args: { src: COURSES.brokenMetadata, namespace: 'player-lesson-metadata-error' },
  loaders: [seedCourse({ complete: 1, open: 1 })],
};

/**
 * Progress cannot be saved (here a `namespace` longer than 256 characters; also private mode, disabled
 * storage or a full disk): the course works in memory and a notice tells the learner once.
 */
export const StorageUnavailable: Story = { args: { namespace: `player-storage-unavailable-${'x'.repeat(256)}` } };

/** A prebuilt course (`sabaq build`'s course.json: one request, nothing left to parse), one lesson done. */
export const Prebuilt: Story = {
  args: { src: COURSES.prebuilt, namespace: 'player-prebuilt' },
  loaders: [seedCourse({ complete: 1, open: 1 })],
};

/** One word of the course title is longer than the screen is wide: it wraps. */
export const LongTitle: Story = { args: { src: COURSES.longTitle, namespace: 'player-long-title' }, decorators: [narrow] };
