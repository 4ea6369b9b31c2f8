/**
 * sabaq's npm entry: the course engine, types and (as they arrive) the element classes. Importing it
 * defines no element; import `sabaq/define.js` for that.
 */
export * from './lib/types.js';
export * from './lib/problems.js';
export type { CourseProgress, LessonProgress, LessonStatus, QuizAttempt, OpenQuizAttempt, IssuedCertificate } from './lib/progress.js';
export { bestAttempt, emptyProgress } from './lib/progress.js';
export { parseFrontMatter } from './lib/front-matter.js';
export { parseManifest } from './lib/course/manifest.js';
export { parseLesson, MAX_SOURCE_CHARACTERS } from './lib/course/lesson.js';
export { readCourse } from './lib/course/course.js';
export type { CourseInput, CourseSoFar } from './lib/course/course.js';
export { courseErrors } from './lib/course/course-problems.js';
export * from './lib/course/completion.js';
export { parseQuiz } from './lib/quiz/parse.js';
export * from './lib/quiz/score.js';
export * from './lib/quiz/arrange.js';
export { loadCourse, forgetCourse, resolveCourseUrl, CourseLoadError } from './lib/course/loader.js';
export type { LoadOptions, CourseLoadErrorCode, ArrivalListener } from './lib/course/loader.js';
export { toCourseFile, fromCourseFile, isCourseFile } from './lib/course/course-file.js';
export type { CourseFile } from './lib/course/course-file.js';
export { renderMarkdown, renderInline, renderLesson, sanitizeHtml } from './lib/render/render.js';
export type { RenderOptions, AdmonitionLabels } from './lib/render/render.js';
export { SabaqCoursePlayer } from './components/course-player/course-player.js';
export { SabaqQuiz } from './components/quiz/quiz.js';
export { SabaqProgressTracker } from './components/progress-tracker/progress-tracker.js';
export { SabaqCertificate } from './components/certificate/certificate.js';
export { SabaqEvent, SABAQ_EVENT_TYPES } from './events.js';
export type { SabaqEventDetails, SabaqEventType, SabaqErrorCode } from './events.js';
export { registerTranslation } from './i18n/localize.js';
export type { Translation } from './i18n/en.js';
export { connectLrs } from './connect-lrs.js';
export type { ConnectLrsOptions, LrsConnection, LrsAuth, SyncCounts, XapiAgent } from './connect-lrs.js';
export { certificateCode } from './lib/certificate.js';
export type { CertificateContents } from './lib/certificate.js';
export {
  openStore,
  createMemoryStore,
  ProgressImportError,
  QuizAttemptsUsedError,
  PROGRESS_FORMAT,
  PROGRESS_FORMAT_VERSION,
} from './lib/store/index.js';
export type {
  ProgressStore,
  OpenStoreOptions,
  CourseRef,
  NewQuizAttempt,
  NewCertificate,
  QuizStart,
  ProgressChange,
  StorageStatus,
  StorageProblem,
  UnavailableReason,
  ProgressDocument,
  CourseExport,
  ProgressImportErrorCode,
} from './lib/store/index.js';
