/**
 * `sabaq import-gift questions.gift -o quiz.md`: a Moodle GIFT question bank as a sabaq quiz. Every
 * question sabaq cannot ask, and every one it asks or scores differently, is printed with its GIFT line;
 * the quiz is checked by the engine before it is written, so what is written passes `sabaq check`.
 */
import { writeFile } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import { readInputFile } from './input-file.js';
import { giftToQuiz } from '../lib/gift/to-quiz.js';
import { ProblemList, formatProblem } from '../lib/problems.js';
import { parseQuiz } from '../lib/quiz/parse.js';
import type { CliIo } from './sabaq.js';

export const IMPORT_GIFT_USAGE = '  sabaq import-gift <questions.gift> [-o <quiz.md>]   turn a Moodle GIFT file into a quiz';

export async function importGift(args: string[], io: CliIo): Promise<number> {
  const outAt = args.findIndex((arg) => arg === '-o' || arg === '--output');
  const output = outAt === -1 ? undefined : args[outAt + 1];
  const inputs = args.filter((arg, i) => !arg.startsWith('-') && (outAt === -1 || i !== outAt + 1));
  if (inputs.length !== 1 || (outAt !== -1 && !output)) {
    io.err(`sabaq: import-gift needs one GIFT file, and optionally -o <quiz.md>\n${IMPORT_GIFT_USAGE}`);
    return 2;
  }
  const input = await readInputFile(inputs[0]!, 'the GIFT file', io);
  if (!input) return 1;
  const { file, text: source } = input;

  const name = output ?? file;
  const id = basename(name, extname(name))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const imported = giftToQuiz(source, { id, source: basename(file) });
  // Reports go to stderr when the quiz itself goes to stdout.
  const report = output ? io.out : io.err;
  for (const note of imported.notes) report(`${file}:${note.line}: ${note.kind === 'left-out' ? 'left out' : 'changed'}: ${note.message}`);

  const problems = new ProblemList();
  parseQuiz(imported.markdown, { file: output ?? 'quiz.md', defaultId: id || 'quiz', inLesson: false }, problems);
  if (imported.questions === 0 || problems.hasErrors) {
    problems.items.forEach((problem) => io.err(formatProblem(problem)));
    io.err(
      `sabaq: no quiz written: ${imported.questions === 0 ? `${file} has no question sabaq can ask` : 'the converted quiz has errors (please report this)'}`,
    );
    return 1;
  }

  const leftOut = imported.notes.filter((note) => note.kind === 'left-out').length;
  const changed = imported.notes.length - leftOut;
  const summary =
    `${imported.questions} question${imported.questions === 1 ? '' : 's'}` +
    `${leftOut ? `, ${leftOut} left out` : ''}${changed ? `, ${changed} changed` : ''}`;
  if (!output) {
    io.out(imported.markdown.trimEnd());
    io.err(summary);
    return 0;
  }
  try {
    await writeFile(resolve(io.cwd, output), imported.markdown);
  } catch (error) {
    io.err(`sabaq: could not write ${output} (${error instanceof Error ? error.message : String(error)})`);
    return 1;
  }
  io.out(`${summary}; written to ${output}`);
  return 0;
}
