// Shows what the course engine reads from the demo course: its outline, each lesson rendered, and any
// problem an author would need to fix.
import { loadCourse } from '../src/lib/course/loader.js';
import { formatProblem } from '../src/lib/problems.js';
import { renderLesson } from '../src/lib/render/render.js';

const preview = document.querySelector<HTMLElement>('#preview')!;

try {
  const course = await loadCourse('./courses/export-basics/course.md');
  const problems = course.problems.map(formatProblem).join('\n');
  preview.innerHTML = `
    <h2>${escape(course.title)}</h2>
    <p>${course.lessons.length} lessons, about ${course.duration} minutes.</p>
    ${problems ? `<pre class="problems">${escape(problems)}</pre>` : ''}
    ${course.lessons.map((lesson) => `<section><h3>${escape(lesson.title)}</h3>${renderLesson(lesson)}</section>`).join('')}`;
} catch (error) {
  preview.textContent = `The course could not be loaded: ${(error as Error).message}`;
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
