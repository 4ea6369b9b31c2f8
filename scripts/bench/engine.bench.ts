/**
 * The course engine on a generated 200-lesson course of about 2 MB: parsing and validating the whole
 * course, and rendering one lesson to sanitised HTML (in the browser, where DOMPurify runs).
 */
import { readCourse } from '../../src/lib/course/course.js';
import { courseSize, generateCourse } from '../../test/fixtures/generate-course.js';
import { type Report, median, ms } from './measure.js';

export async function bench(report: Report): Promise<void> {
  const generated = generateCourse(200);
  const base = 'https://bench.test/';
  const read = () =>
    readCourse({
      text: generated.manifest,
      file: 'course.md',
      url: `${base}course.md`,
      readLesson: async (url) => generated.files[url.slice(base.length)]!,
    });

  const course = await read();
  if (course.problems.length > 0) throw new Error('the generated course has problems');
  const megabytes = (courseSize(generated) / 1e6).toFixed(1);
  const inBrowser = typeof document !== 'undefined';
  const parse = await median(read, 15);
  report(`parse and validate 200 lessons (${megabytes} MB), median of 15`, ms(parse, inBrowser ? 300 : undefined));

  if (!inBrowser) return;
  const { renderLesson } = await import('../../src/lib/render/render.js');
  const lesson = course.lessons.find((candidate) => candidate.quizzes.length > 0)!;
  const render = await median(() => renderLesson(lesson), 50);
  const size = (generated.files[lesson.file]!.length / 1000).toFixed(1);
  report(`render one lesson (${size} KB) to sanitised HTML, median of 50`, ms(render, 5));
}
