/** The one file a command reads, or the author's message (at its line 1) saying why it could not be read. */
import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import type { CliIo } from './sabaq.js';

export interface InputFile {
  path: string;
  /** As the author named it: relative to the working folder. */
  file: string;
  text: string;
}

/** Reads `name` (relative to the working folder); undefined once the error is printed. */
export async function readInputFile(name: string, what: string, io: CliIo): Promise<InputFile | undefined> {
  const path = resolve(io.cwd, name);
  const file = relative(io.cwd, path) || name;
  try {
    return { path, file, text: await readFile(path, 'utf8') };
  } catch (error) {
    io.err(`${file}:1:1: ${what} could not be read (${describeFileError(error)})`);
    return undefined;
  }
}

export function describeFileError(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder';
  return error instanceof Error ? error.message : String(error);
}
