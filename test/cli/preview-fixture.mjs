// What the preview tests share: a fixture course, starting `sabaq preview` as an author does, and
// reading its refresh channel as the page's EventSource does.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../bin/sabaq.js', import.meta.url));

export const COURSE = {
  'course.md':
    '---\nid: preview-course\nsequential: true\n---\n# Preview Course\n\n## First steps\n- [Lesson A](lessons/a.md)\n- [Lesson B](lessons/b.md)\n',
  'lessons/a.md': '# A\n\nText one.\n\n![chart](chart.svg)\n',
  'lessons/b.md': '---\nrequires: [a]\n---\nQuiz time.\n\n```quiz\n### Pick one\n1. [x] right\n1. [ ] wrong\n```\n',
  'lessons/chart.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>',
};

export async function writeFiles(dir, files) {
  for (const [path, text] of Object.entries(files)) {
    await mkdir(join(dir, path, '..'), { recursive: true });
    await writeFile(join(dir, path), text);
  }
}

/**
 * Starts `sabaq preview <file> --port 0` in `cwd`; resolves once it printed its address, with that
 * address, the output so far (kept up to date) and a way to stop it as Ctrl-C does.
 */
export function startPreview(file, cwd) {
  const child = spawn(process.execPath, [bin, 'preview', file, '--port', '0'], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = { text: '' };
  child.stdout.on('data', (chunk) => (output.text += chunk));
  child.stderr.on('data', (chunk) => (output.text += chunk));
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return new Promise((resolve, reject) => {
    const look = () => {
      const match = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output.text);
      if (match) {
        child.stdout.off('data', look);
        resolve({ url: match[1], output, exited, stop: () => (child.kill('SIGINT'), exited) });
      }
    };
    child.stdout.on('data', look);
    exited.then(() => reject(new Error(`preview exited early:\n${output.text}`)));
  });
}

/** The refresh channel: each `version` event's data, as the page's EventSource would see it. */
export async function openEvents(url) {
  const controller = new AbortController();
  const response = await fetch(new URL('events', url), { signal: controller.signal });
  assert.equal(response.headers.get('content-type'), 'text/event-stream');
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  const versions = [];
  let buffered = '';
  let waiting;
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffered += value;
        let end;
        while ((end = buffered.indexOf('\n\n')) !== -1) {
          const event = buffered.slice(0, end);
          buffered = buffered.slice(end + 2);
          const data = /^data: (.*)$/m.exec(event);
          if (/^event: version$/m.test(event) && data) versions.push(data[1]);
          waiting?.();
        }
      }
    } catch {
      // Aborted at the end of the test.
    }
  })();
  return {
    versions,
    /** Resolves with the next version announced after `count` were seen; fails after 5 s. */
    async next(count) {
      const deadline = Date.now() + 5000;
      while (versions.length <= count) {
        if (Date.now() > deadline) throw new Error(`no new version announced (seen: ${versions.join(', ')})`);
        await new Promise((resolve) => {
          waiting = resolve;
          setTimeout(resolve, 200);
        });
      }
      return versions[count];
    },
    close: () => controller.abort(),
  };
}
