/**
 * Every URL a course needs to work offline (SPEC §7): its manifest and lesson files, or its one
 * `course.json`, and the images its description, lessons and quizzes show. Loaded only when a service
 * worker controls the page (src/internal/offline-announce.ts), so a page without one never fetches this code.
 */
import type { Course } from '../types.js';

export interface CourseFiles {
  /** The files the player fetches. */
  files: string[];
  /** The images shown in the course. */
  images: string[];
}

export function courseFiles(course: Course): CourseFiles {
  // A course built by `sabaq build` is one JSON file holding every lesson.
  const built = new URL(course.url).pathname.endsWith('.json');
  const files = new Set([course.url, ...(built ? [] : course.lessons.map((lesson) => lesson.url))]);
  const images = new Set<string>();
  const collect = (text: string | undefined, base: string) => {
    if (text) imageUrls(text, base).forEach((url) => images.add(url));
  };
  collect(course.description, course.url);
  for (const lesson of course.lessons) {
    // Markdown is in many fields (blocks, admonitions, a quiz's prompts, options, feedback…): read every string.
    eachString([lesson.blocks, lesson.quizzes], (text) => collect(text, lesson.url));
  }
  return { files: [...files], images: [...images] };
}

function eachString(value: unknown, visit: (text: string) => void): void {
  if (typeof value === 'string') visit(value);
  else if (value && typeof value === 'object') Object.values(value).forEach((item) => eachString(item, visit));
}

/** Markdown images `![alt](url …)` and HTML `<img src=…>`; a match inside a code block only costs a failed fetch. */
const IMAGE = /!\[[^\]]*\]\(\s*<?([^\s)>]+)|<img\s[^>]*?src\s*=\s*["']?([^"'\s>]+)/gi;

/** The http(s) URLs of the images a piece of Markdown or HTML shows, resolved against `base`. */
function imageUrls(text: string, base: string): string[] {
  return [...text.matchAll(IMAGE)].flatMap(([, markdownSrc, htmlSrc]) => {
    try {
      // marked writes `&` in a URL as `&amp;` (a prebuilt course's lessons are HTML).
      const url = new URL(markdownSrc ?? htmlSrc!.replaceAll('&amp;', '&'), base);
      return url.protocol === 'http:' || url.protocol === 'https:' ? [url.href] : [];
    } catch {
      return [];
    }
  });
}
