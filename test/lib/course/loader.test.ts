import { expect } from '@open-wc/testing';
import { readCourse } from '../../../src/lib/course/course.js';
import { toCourseFile } from '../../../src/lib/course/course-file.js';
import { CourseLoadError, forgetCourse, loadCourse } from '../../../src/lib/course/loader.js';
import { courseSize, generateCourse } from '../../fixtures/generate-course.js';

const BASIC = new URL('../../fixtures/courses/basic/course.md', import.meta.url).href;
const noDelay = { retryDelays: [1, 1] };

/** The real fetch, counting the URLs it is asked for. */
function countingFetch() {
  const calls: string[] = [];
  const wrapped: typeof fetch = (input, init) => {
    calls.push(String(input));
    return fetch(input, init);
  };
  return { calls, fetch: wrapped };
}

describe('loadCourse', () => {
  beforeEach(() => forgetCourse());

  it('fetches the manifest and its lessons, resolving links against the manifest', async () => {
    const course = await loadCourse(BASIC);
    expect(course.id).to.equal('basic');
    expect(course.lessons.map((lesson) => lesson.id)).to.deep.equal(['first', 'second', 'missing']);
    expect(course.lessons[1]!.quizzes[0]!.questions[0]!.kind).to.equal('short');
    expect(course.lessons[0]!.url).to.equal(new URL('lessons/first.md', BASIC).href);
  });

  it('keeps a lesson that fails to load to that lesson', async () => {
    const course = await loadCourse(BASIC);
    const [first, second, missing] = course.lessons;
    expect(first!.problems).to.deep.equal([]);
    expect(second!.problems).to.deep.equal([]);
    expect(missing!.problems.map((p) => [p.code, p.file, p.line])).to.deep.equal([['file-missing', 'course.md', 12]]);
    expect(missing!.problems[0]!.message).to.contain('(not found)');
  });

  it('fetches once however many elements ask, until forgotten', async () => {
    const { calls, fetch } = countingFetch();
    const [a, b] = await Promise.all([loadCourse(BASIC, { fetch }), loadCourse(BASIC, { fetch })]);
    expect(a).to.equal(b);
    expect(calls.filter((url) => url === BASIC)).to.have.length(1);
    expect(calls).to.have.length(4);
    await loadCourse(BASIC, { fetch });
    expect(calls).to.have.length(4);
    forgetCourse(BASIC);
    await loadCourse(BASIC, { fetch });
    expect(calls).to.have.length(8);
  });

  it('fetches the lessons in parallel, not one after another', async () => {
    let inFlight = 0;
    let most = 0;
    const fetchSlowly: typeof fetch = async (input) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 30));
      inFlight--;
      return fetch(input);
    };
    await loadCourse(BASIC, { fetch: fetchSlowly });
    expect(most).to.equal(3);
  });

  it('retries a dropped connection before giving up', async () => {
    const failures = new Map<string, number>();
    const flaky: typeof fetch = (input) => {
      const url = String(input);
      if ((failures.get(url) ?? 0) < 2) {
        failures.set(url, (failures.get(url) ?? 0) + 1);
        return Promise.reject(new TypeError('Failed to fetch'));
      }
      return fetch(input);
    };
    const course = await loadCourse(BASIC, { fetch: flaky, ...noDelay });
    expect(course.lessons[0]!.problems).to.deep.equal([]);
    expect(failures.get(BASIC)).to.equal(2);
  });

  it('rejects with a typed error for a missing course, and loads again once it is there', async () => {
    const missing = new URL('../../fixtures/courses/nowhere/course.md', import.meta.url).href;
    const error = await loadCourse(missing).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(CourseLoadError);
    expect(error).to.include({ code: 'course-not-found', url: missing });
    // A failed load is not cached: the next call fetches again.
    const { calls, fetch } = countingFetch();
    await loadCourse(missing, { fetch }).catch(() => undefined);
    expect(calls).to.deep.equal([missing]);
  });

  it('gives up on a request that stalls, and retries it', async () => {
    let calls = 0;
    // The first request never answers, as on a stalled mobile connection, until its signal aborts it.
    const stallOnce: typeof fetch = (input, init) => {
      calls++;
      if (calls > 1) return fetch(input, init);
      return new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)));
    };
    const course = await loadCourse(BASIC, { fetch: stallOnce, timeout: 100, ...noDelay });
    expect(course.id).to.equal('basic');
    expect(calls).to.be.greaterThan(1);
  });

  it("loads the course for every element though a page's arrival listener throws", async () => {
    const heard: number[] = [];
    const faulty = loadCourse(BASIC, {
      onArrival: () => {
        throw new Error("a partner page's bug");
      },
    });
    const other = loadCourse(BASIC, { onArrival: (soFar) => heard.push(soFar.course.lessons.length) });
    expect((await faulty).id).to.equal('basic');
    expect((await other).id).to.equal('basic');
    expect(heard.length, 'the other listener is still told').to.be.greaterThan(0);
  });

  it("takes a server's home page, sent for a missing file, as not found", async () => {
    const home: typeof fetch = () => Promise.resolve(new Response('<!DOCTYPE html><html><body>Welcome</body></html>'));
    const error = await loadCourse(BASIC, { fetch: home }).catch((e: unknown) => e);
    expect((error as CourseLoadError).code).to.equal('course-not-found');
  });

  it('reports a network failure after the retries as such', async () => {
    const offline: typeof fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    const error = await loadCourse(BASIC, { fetch: offline, ...noDelay }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(CourseLoadError);
    expect((error as CourseLoadError).code).to.equal('network');
  });

  it('accepts a course built as one JSON file, resolving lessons beside it', async () => {
    const original = await loadCourse(BASIC);
    const jsonUrl = new URL('course.json', BASIC).href;
    const json = JSON.stringify(toCourseFile(original));
    const { calls, fetch: counting } = countingFetch();
    const serveJson: typeof fetch = (input, init) =>
      String(input) === jsonUrl ? Promise.resolve(new Response(json)) : counting(input, init);
    const course = await loadCourse(jsonUrl, { fetch: serveJson });
    expect(calls).to.deep.equal([]);
    expect(course.url).to.equal(jsonUrl);
    expect(course.lessons[0]!.url).to.equal(original.lessons[0]!.url);
    expect({ ...course, url: '', lessons: [] }).to.deep.equal({ ...original, url: '', lessons: [] });
  });

  it('explains a JSON file that is not a course, or from a newer sabaq', async () => {
    const url = new URL('other.json', BASIC).href;
    const serve =
      (body: string): typeof fetch =>
      () =>
        Promise.resolve(new Response(body));
    const notCourse = await loadCourse(url, { fetch: serve('{"hello": 1}') }).catch((e: unknown) => e);
    expect((notCourse as CourseLoadError).code).to.equal('course-invalid');
    forgetCourse();
    const future = await loadCourse(url, { fetch: serve('{"format":"sabaq-course","version":99,"course":{}}') }).catch((e: unknown) => e);
    expect((future as Error).message).to.contain('format version 99');
  });
});

describe('a course of 200 lessons', () => {
  it('is about 2 MB and parses without a problem, every lesson and quiz in place', async () => {
    const generated = generateCourse(200);
    expect(courseSize(generated)).to.be.within(1_800_000, 2_600_000);
    const course = await readCourse({
      text: generated.manifest,
      file: 'course.md',
      url: 'https://x.test/course.md',
      readLesson: async (url) => generated.files[url.slice('https://x.test/'.length)]!,
    });
    expect(course.problems).to.deep.equal([]);
    expect(course.lessons).to.have.length(200);
    expect(course.modules).to.have.length(10);
    expect(course.lessons.flatMap((lesson) => lesson.quizzes)).to.have.length(100);
    expect(course.lessons[199]!.requires).to.deep.equal(['lesson-199']);
  });
});
