import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { COURSES, narrow, renderElement, seedCourse, sharedArgTypes } from './support.js';

// The demo course's certificate, from what is still missing to the certificate itself.
// The docs page's description is the element's own, from custom-elements.json.
const meta: Meta = {
  title: 'Elements/Certificate',
  component: 'sabaq-certificate',
  render: renderElement,
  argTypes: sharedArgTypes,
  args: { src: COURSES.demo, learner: '', lang: '', 'verify-url': 'https://example.org/verify?code={code}' },
};
export default meta;
type Story = StoryObj;

/** Locked while the course is in progress: it says what is still missing. */
export const Locked: Story = { args: { namespace: 'certificate-locked' }, loaders: [seedCourse({ complete: 5 })] };

/** The course is complete: the learner gives the name to put on the certificate. */
export const Earned: Story = { args: { namespace: 'certificate-earned' }, loaders: [seedCourse({ complete: Infinity })] };

/** Issued: name, course, issuer, date, score and verification code, with a link to check it, Print and Download. */
export const Done: Story = {
  args: { namespace: 'certificate-done' },
  loaders: [seedCourse({ complete: Infinity, certificate: 'Ayesha Siddiqui' })],
};

/** No `src`. */
export const Empty: Story = { args: { src: '', namespace: 'certificate-empty' } };

/** The manifest is still being fetched. */
export const Loading: Story = { args: { src: COURSES.pending, namespace: 'certificate-loading' } };

/** The manifest is not found (404), with Retry. */
export const LoadError: Story = { args: { src: COURSES.notFound, namespace: 'certificate-error' } };

/** Issued for the Urdu draft of the course: the certificate is drawn right to left. */
export const RTL: Story = {
  args: { src: COURSES.urdu, lang: 'ur', namespace: 'certificate-rtl' },
  globals: { lang: 'ur' },
  loaders: [seedCourse({ complete: Infinity, certificate: 'عائشہ صدیقی' })],
};

/** A long name in Urdu: wrapped onto two lines and made smaller, every Nastaliq line clear of the next. */
export const LongNameRTL: Story = {
  args: { src: COURSES.urdu, lang: 'ur', namespace: 'certificate-long-name-rtl' },
  globals: { lang: 'ur' },
  loaders: [seedCourse({ complete: Infinity, certificate: 'محمد عبداللہ صدیقی خان نیازی چوہدری رانا ملک قریشی ہاشمی بخاری گیلانی' })],
};

export const Dark: Story = { ...Done, args: { namespace: 'certificate-dark' }, globals: { scheme: 'dark' } };

/** 360 pixels wide. */
export const Narrow: Story = { ...Done, args: { namespace: 'certificate-narrow' }, decorators: [narrow] };

/** Issued for a course whose title holds one word longer than the certificate is wide: it wraps. */
export const LongTitle: Story = {
  args: { src: COURSES.longTitle, namespace: 'certificate-long-title' },
  loaders: [seedCourse({ complete: Infinity, certificate: 'Ayesha Siddiqui' })],
};

/** The same in an Urdu course, right to left. */
export const LongTitleRTL: Story = {
  args: { src: COURSES.longTitleUrdu, lang: 'ur', namespace: 'certificate-long-title-rtl' },
  globals: { lang: 'ur' },
  loaders: [seedCourse({ complete: Infinity, certificate: 'عائشہ صدیقی' })],
};

/** The same, 360 pixels wide. */
export const LongTitleNarrow: Story = {
  ...LongTitle,
  args: { ...LongTitle.args, namespace: 'certificate-long-title-narrow' },
  decorators: [narrow],
};
