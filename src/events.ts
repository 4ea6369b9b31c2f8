/**
 * The events of SPEC §4. Each bubbles, is composed (crosses shadow roots) and carries a typed `detail`;
 * elements fire them on a learner's action only, never when a property is set from code.
 */
import type { Answers } from './lib/quiz/score.js';

export interface SabaqEventDetails {
  'sabaq-lesson-start': { courseId: string; lessonId: string };
  'sabaq-lesson-complete': { courseId: string; lessonId: string };
  'sabaq-quiz-submit': {
    courseId?: string;
    quizId: string;
    attempt: number;
    /** 0..100 */
    score: number;
    passed: boolean;
    answers: Answers;
  };
  'sabaq-course-complete': { courseId: string; score: number };
  'sabaq-certificate-issue': { courseId: string; code: string; learnerName: string; issuedAt: number; score: number };
  'sabaq-progress': { courseId: string; completed: number; total: number; percent: number };
  'sabaq-error': { code: SabaqErrorCode; message: string; file?: string; line?: number };
  /**
   * After each attempt to deliver learning records to the LRS (SPEC §6), on `document`: statements
   * still waiting, delivered by this attempt, and set aside because the LRS rejected them.
   */
  'sabaq-sync': { pending: number; sent: number; rejected: number };
}

export type SabaqErrorCode =
  | 'storage-unavailable'
  | 'storage-closed'
  | 'course-not-found'
  | 'network'
  | 'course-invalid'
  | 'lesson-invalid'
  | 'quiz-invalid'
  | 'lrs-auth'
  | 'lrs-rejected'
  | 'internal';

export type SabaqEventType = keyof SabaqEventDetails;

/** Every event type, for listening to them all (an analytics bridge, an event log). */
export const SABAQ_EVENT_TYPES: readonly SabaqEventType[] = [
  'sabaq-lesson-start',
  'sabaq-lesson-complete',
  'sabaq-quiz-submit',
  'sabaq-course-complete',
  'sabaq-certificate-issue',
  'sabaq-progress',
  'sabaq-error',
  'sabaq-sync',
];

/** An sabaq event: `event.detail` is typed by `event.type`. */
export class SabaqEvent<T extends SabaqEventType = SabaqEventType> extends Event {
  declare readonly type: T;
  readonly detail: Readonly<SabaqEventDetails[T]>;

  constructor(type: T, detail: SabaqEventDetails[T]) {
    super(type, { bubbles: true, composed: true });
    this.detail = Object.freeze({ ...detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'sabaq-lesson-start': SabaqEvent<'sabaq-lesson-start'>;
    'sabaq-lesson-complete': SabaqEvent<'sabaq-lesson-complete'>;
    'sabaq-quiz-submit': SabaqEvent<'sabaq-quiz-submit'>;
    'sabaq-course-complete': SabaqEvent<'sabaq-course-complete'>;
    'sabaq-certificate-issue': SabaqEvent<'sabaq-certificate-issue'>;
    'sabaq-progress': SabaqEvent<'sabaq-progress'>;
    'sabaq-error': SabaqEvent<'sabaq-error'>;
    'sabaq-sync': SabaqEvent<'sabaq-sync'>;
  }
}
