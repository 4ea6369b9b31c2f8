import { expect } from '@open-wc/testing';
import { fromCourseFile, toCourseFile } from '../../../src/lib/course/course-file.js';
import { courseFiles } from '../../../src/lib/course/offline-files.js';
import { loadMarkdownPipeline } from '../../../src/lib/markdown-loader.js';

const MANIFEST = '---\nid: photos\n---\n# Photos\n\n## Lessons\n- [Cartons](lessons/cartons.md)\n';
const LESSON = 'A carton, as the buyer sees it.\n\n![A carton](images/carton.png?size=large&format=webp)\n';
const FOLDER = 'https://academy.example/courses/photos/';

describe('courseFiles', () => {
  it("lists a lesson's image with its exact URL, from the Markdown and from a built course.json", async () => {
    const { readCourse } = await loadMarkdownPipeline();
    const course = await readCourse({ text: MANIFEST, file: 'course.md', url: `${FOLDER}course.md`, readLesson: async () => LESSON });
    const built = fromCourseFile(JSON.parse(JSON.stringify(toCourseFile(course))), `${FOLDER}course.json`);
    const image = `${FOLDER}lessons/images/carton.png?size=large&format=webp`;
    expect(courseFiles(course).images).to.deep.equal([image]);
    expect(courseFiles(built)).to.deep.equal({ files: [`${FOLDER}course.json`], images: [image] });
  });
});
