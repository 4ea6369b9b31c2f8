/** Registers every sabaq element, skipping a tag that is already defined (safe to import twice). */
import { SabaqCertificate } from './components/certificate/certificate.js';
import { SabaqCoursePlayer } from './components/course-player/course-player.js';
import { SabaqProgressTracker } from './components/progress-tracker/progress-tracker.js';
import { SabaqQuiz } from './components/quiz/quiz.js';
import { defineElement } from './internal/define-element.js';

defineElement('sabaq-course-player', SabaqCoursePlayer);
defineElement('sabaq-quiz', SabaqQuiz);
defineElement('sabaq-progress-tracker', SabaqProgressTracker);
defineElement('sabaq-certificate', SabaqCertificate);
