/** English UI strings: the reference table. Every other language must provide every key (a type error
 * otherwise); functions take the values they show. */
export const en = {
  $name: 'English',
  $dir: 'ltr' as 'ltr' | 'rtl',

  loading: 'Loading…',
  loadingCourse: 'Loading the course…',
  retry: 'Try again',
  courseNotFound: 'This course could not be found. Please tell the site that published it.',
  courseNetwork: 'The course could not be loaded. Check your connection and try again.',
  courseInvalid: 'This course has errors and cannot be shown. Please tell the site that published it.',
  noSource: 'No course is set for this element.',
  storageUnavailable:
    'Your progress cannot be saved in this browser (private browsing, or storage is full or turned off). ' +
    'You can keep learning, but your progress will be lost when you close this page.',
  storageClosed:
    'The browser cleared the progress this site had saved (site data was cleared), so some of your progress may be gone. ' +
    'What you do from now on is saved again.',
  dismiss: 'Dismiss',

  // Callouts in lessons, named in the course's language
  note: 'Note',
  tip: 'Tip',
  warning: 'Warning',
  danger: 'Danger',

  // Course player
  start: 'Start the course',
  continueCourse: 'Continue',
  contents: 'Contents',
  openContents: 'Open contents',
  closeContents: 'Close contents',
  minutes: (count: number) => (count === 1 ? '1 minute' : `${count} minutes`),
  lessonCount: (count: number) => (count === 1 ? '1 lesson' : `${count} lessons`),
  previous: 'Previous',
  next: 'Next',
  finish: 'Finish',
  lessonOf: (index: number, total: number) => `Lesson ${index} of ${total}`,
  stateLocked: 'Locked',
  stateNotStarted: 'Not started',
  stateInProgress: 'In progress',
  stateComplete: 'Complete',
  lockedSequential: (title: string) => `Complete "${title}" first.`,
  lockedRequires: (titles: string) => `Complete ${titles} first.`,
  lessonBroken: 'This lesson cannot be shown because it has errors:',
  lessonNetwork: 'This lesson could not be loaded. Check your connection and try again.',
  lessonServerError: (status: number) => `The server failed to send this lesson (error ${status}). Try again in a moment.`,
  lessonNotDisplayed: 'This lesson could not be displayed. Please tell the site that published it.',
  courseHasErrors: 'This course has errors its author should fix; until then it works as shown:',
  passQuizzesToContinue: 'Pass the quiz in this lesson to complete it.',
  courseProgress: 'Course progress',
  courseComplete: 'You have completed the course.',
  availableOffline: 'Available offline',

  // Quiz
  quiz: 'Quiz',
  question: (index: number, total: number) => `Question ${index} of ${total}`,
  hint: 'Hint',
  hideHint: 'Hide hint',
  submit: 'Submit',
  tryAgain: 'Try again',
  moveUp: 'Move up',
  moveDown: 'Move down',
  moveItemUp: (item: string) => `Move "${item}" up`,
  moveItemDown: (item: string) => `Move "${item}" down`,
  chooseMatch: 'Choose…',
  yourAnswer: 'Your answer',
  correct: 'Correct',
  incorrect: 'Not correct',
  partlyCorrect: 'Partly correct',
  correctAnswer: 'Correct answer:',
  answerRange: (low: string, high: string) => `${low} to ${high}`,
  // Marks on the options after submitting
  rightOption: 'Correct answer',
  chosenRight: 'Your answer, correct',
  chosenWrong: 'Your answer, not correct',
  score: (score: string) => `Score: ${score}`,
  passed: (score: string, pass: string) => `Passed with ${score} (pass mark ${pass}).`,
  failed: (score: string, pass: string) => `Not passed: ${score} (pass mark ${pass}).`,
  bestScore: (score: string) => `Best score so far: ${score}`,
  attemptsLeft: (count: number) => (count === 1 ? '1 attempt left' : `${count} attempts left`),
  noAttemptsLeft: 'No attempts left.',
  unanswered: (count: number) => (count === 1 ? '1 question is not answered yet.' : `${count} questions are not answered yet.`),
  answerTooLong: (question: number, max: string) =>
    `Your answer to question ${question} is too long: it can have at most ${max} characters.`,
  timeLeft: (time: string) => `Time left: ${time}`,
  attemptsUsedElsewhere: 'Your attempts at this quiz were all used in another tab or window, so this one was not kept.',
  timeUp: 'Time is up: your answers were submitted.',
  quizBroken: 'This quiz cannot be shown because it has errors:',
  quizNotFound: 'This quiz could not be found. Please tell the site that published it.',
  quizNetwork: 'The quiz could not be loaded. Check your connection and try again.',
  noQuiz: 'No quiz is set for this element.',

  // Progress tracker
  progress: 'Progress',
  lessonsDone: (done: number, total: number) => `${done} of ${total} lessons complete`,
  percentComplete: (percent: string) => `${percent} complete`,
  quizScores: 'Quiz scores',
  timeSpent: (time: string) => `Time spent: ${time}`,
  continueLesson: (title: string) => `Continue: ${title}`,

  // Certificate
  certificate: 'Certificate',
  certificateTitle: 'Certificate of completion',
  stillMissing: 'To earn your certificate:',
  missingLessons: (count: number) => (count === 1 ? 'Complete 1 more lesson.' : `Complete ${count} more lessons.`),
  missingScore: (score: string, pass: string) => `Raise your final score from ${score} to at least ${pass}.`,
  certificateDisabled: 'This course does not issue certificates.',
  yourName: 'Your name, as it should appear on the certificate',
  issue: 'Get my certificate',
  certifies: 'This certifies that',
  hasCompleted: 'has completed the course',
  issuedBy: (issuer: string) => `Issued by ${issuer}`,
  issuedOn: (date: string) => `Date: ${date}`,
  verificationCode: 'Verification code',
  verifyAt: 'Verify this certificate',
  print: 'Print',
  download: 'Download',
} as const;

type Widen<T> = T extends string ? string : T extends (...args: infer A) => string ? (...args: A) => string : T;

/** The shape every translation must have. */
export type Translation = { [K in keyof typeof en]: Widen<(typeof en)[K]> };
export type TermKey = Exclude<keyof Translation, `$${string}`>;
