/**
 * Problems found in a course, reported to authors with the file, line and column and a sentence that
 * says what to change (SPEC §2.5). The engine collects every problem instead of stopping at the first.
 */

export type Severity = 'error' | 'warning';

export type ProblemCode =
  | 'file-too-large'
  | 'file-missing'
  | 'front-matter-unclosed'
  | 'front-matter-syntax'
  | 'unknown-key'
  | 'invalid-value'
  | 'missing-id'
  | 'invalid-id'
  | 'duplicate-id'
  | 'no-title'
  | 'no-lessons'
  | 'duplicate-lesson-link'
  | 'unknown-requirement'
  | 'requirement-cycle'
  | 'requirement-unreachable'
  | 'admonition-unclosed'
  | 'admonition-stray-close'
  | 'quiz-unclosed'
  | 'quiz-empty'
  | 'question-no-answers'
  | 'question-mixed-answers'
  | 'question-answer-shape'
  | 'single-choice-correct-count'
  | 'multiple-choice-no-correct'
  | 'pick-too-large'
  | 'attempts-lock-out'
  | 'not-a-course'
  | 'nesting-too-deep'
  | 'not-utf8'
  | 'not-markdown'
  | 'backslash-path';

export interface Problem {
  severity: Severity;
  code: ProblemCode;
  /** The file as the author knows it: a path relative to the manifest, or the URL that was fetched. */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  message: string;
}

export interface Position {
  file: string;
  line: number;
  column?: number;
}

/** Collects problems in the order they are found. */
export class ProblemList {
  readonly items: Problem[] = [];

  error(code: ProblemCode, at: Position, message: string): void {
    this.add('error', code, at, message);
  }

  warning(code: ProblemCode, at: Position, message: string): void {
    this.add('warning', code, at, message);
  }

  get hasErrors(): boolean {
    return this.items.some((p) => p.severity === 'error');
  }

  private add(severity: Severity, code: ProblemCode, at: Position, message: string): void {
    this.items.push({ severity, code, file: at.file, line: at.line, column: at.column ?? 1, message });
  }
}

/** `file:line:column: message`, the form compilers use, so editors can jump to it. */
export function formatProblem(problem: Problem): string {
  const prefix = problem.severity === 'warning' ? 'warning: ' : '';
  return `${problem.file}:${problem.line}:${problem.column}: ${prefix}${problem.message}`;
}

/** Problems sorted by file, then line, then column, so a report reads top to bottom. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}
