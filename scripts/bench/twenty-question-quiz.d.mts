/** The quiz benches' 20-question quiz, in Markdown (twenty-question-quiz.mjs: plain JavaScript, so that Node imports it too). */
export declare const TWENTY_QUESTION_QUIZ: string;
