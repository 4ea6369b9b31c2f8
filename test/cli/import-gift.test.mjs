// `sabaq import-gift` as an author runs it on a GIFT file exported from Moodle.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'bin/sabaq.js');
const fixture = join(root, 'test/fixtures/gift/every-type.gift');

before(() => import('../../scripts/build-cli.mjs'));

function sabaq(args, cwd) {
  return new Promise((resolve) => {
    execFile('node', [bin, ...args], { cwd }, (error, stdout, stderr) => resolve({ code: error ? error.code : 0, stdout, stderr }));
  });
}

describe('sabaq import-gift', () => {
  let dir;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sabaq-gift-'));
    await copyFile(fixture, join(dir, 'questions.gift'));
  });

  it('writes the quiz and reports every question left out or changed with its GIFT line', async () => {
    const result = await sabaq(['import-gift', 'questions.gift', '-o', 'export-quiz.md'], dir);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(result.stdout.trim().split('\n'), [
      'questions.gift:31: changed: short-answer question "Which HS chapter covers cotton?": sabaq has no feedback for each typed answer: the answers\' feedback is shown with the explanation, to every learner',
      'questions.gift:41: changed: numerical question "When was the GATT signed?": sabaq has no feedback for each typed answer: the answers\' feedback is shown with the explanation, to every learner',
      'questions.gift:42: left out: numerical question "When was the GATT signed?": the answer 1947:2 (worth 50% in Moodle) is left out: sabaq has no partial credit for typed answers',
      'questions.gift:55: left out: essay question "Describe your last export order in a fe…" left out: sabaq cannot ask essay questions, which a teacher marks by hand',
      'questions.gift:58: left out: description "The next questions are about payment." left out: a description between questions has no place in a sabaq quiz; put it in the lesson around the quiz',
      '12 questions, 3 left out, 2 changed; written to export-quiz.md',
    ]);
    const quiz = await readFile(join(dir, 'export-quiz.md'), 'utf8');
    assert.match(quiz, /^---\n# Imported from questions\.gift by "sabaq import-gift"\.\nid: export-quiz\npartial: true\n---\n/);
    assert.match(quiz, /\n### In what year was the WTO founded\?\n\n<!-- GIFT line 36 -->\n\n= 1994\.\.1996\n/);
  });

  it('prints the quiz when no -o is given, the report going to stderr', async () => {
    const result = await sabaq(['import-gift', 'questions.gift'], dir);
    assert.equal(result.code, 0);
    assert.match(result.stdout, /^---\n# Imported from questions\.gift/);
    assert.match(result.stderr, /questions\.gift:55: left out: essay question/);
    assert.match(result.stderr, /12 questions, 3 left out, 2 changed\n$/);
  });

  it('writes nothing when no question can be asked, and explains a missing file', async () => {
    await writeFile(join(dir, 'essays.gift'), 'Write about exports. {}\n');
    const result = await sabaq(['import-gift', 'essays.gift', '-o', 'essays.md'], dir);
    assert.equal(result.code, 1);
    assert.match(result.stdout, /essays\.gift:1: left out: essay question/);
    assert.match(result.stderr, /no quiz written: essays\.gift has no question sabaq can ask/);
    await assert.rejects(readFile(join(dir, 'essays.md')), { code: 'ENOENT' });

    const missing = await sabaq(['import-gift', 'nowhere.gift', '-o', 'x.md'], dir);
    assert.equal(missing.code, 1);
    assert.equal(missing.stderr, 'nowhere.gift:1:1: the GIFT file could not be read (no such file)\n');
    assert.equal((await sabaq(['import-gift'], dir)).code, 2);
  });
});
