/**
 * The Markdown pipeline: marked and the course and quiz readers with their author messages, the
 * larger part of sabaq. `dist/sabaq.js` loads it from a file of its own (see `markdown-loader.ts`), only
 * on pages that read Markdown in the browser.
 */
export { markdown } from './markdown.js';
export { readCourse } from './course/course.js';
export { parseQuiz } from './quiz/parse.js';
