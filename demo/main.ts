/// <reference types="vite/client" />
// The demo academy: a partner-style page with no framework. It shows what a partner writes: the
// elements, a few attributes, --sabaq-* theming, and listeners for the events.
import type { LrsConnection } from '../src/connect-lrs.js';
import { SABAQ_EVENT_TYPES } from '../src/sabaq.js';
import { type LrsCounts, connectDemoLrs } from './lrs.js';

type Language = 'en' | 'ur';

/**
 * Each language's course: the Urdu page shows the Urdu course, whose `lang: ur` the elements follow.
 * Served prebuilt, as `sabaq build` writes it (the dev server and `npm run build:demo` build it from the
 * course.md beside it): one request instead of one per lesson. index.html preloads the one of
 * the language last chosen.
 */
const COURSES: Record<Language, string> = {
  en: './courses/export-academy/course.json',
  ur: './courses/export-academy-ur/course.json',
};

/** The page's own words (the elements bring theirs). */
const PAGE_TEXT: Record<Language, Record<string, string>> = {
  en: {
    siteName: 'TDAP SME E-commerce Academy',
    tagline: 'Learn to export online, at your own pace',
    language: 'Language',
    learner: 'Learner',
    theme: 'Theme',
    learnerAmna: 'Amna',
    learnerBilal: 'Bilal',
    learnerGuest: 'Guest',
    themeAcademy: 'Academy green',
    themeChamber: 'Chamber blue',
    themeDark: 'Dark',
    lrs: 'LRS',
    lrsOff: 'Off',
    lrsLocal: 'This computer (npm run lrs)',
    lrsCounts: '{sent} sent · {pending} waiting · {rejected} set aside',
    courseHeading: 'Your course',
    quizPage: 'Try a quiz on its own page',
    eventsHeading: 'Events a partner site can listen to',
    eventsIntro: 'Every event bubbles out of the elements; this log shows each one with its detail.',
    settings: 'Demo settings',
  },
  ur: {
    siteName: 'ٹی ڈی اے پی ایس ایم ای ای کامرس اکیڈمی',
    tagline: 'آن لائن برآمد کرنا سیکھیں، اپنی رفتار سے',
    language: 'زبان',
    learner: 'طالب علم',
    theme: 'رنگ',
    learnerAmna: 'آمنہ',
    learnerBilal: 'بلال',
    learnerGuest: 'مہمان',
    themeAcademy: 'اکیڈمی سبز',
    themeChamber: 'چیمبر نیلا',
    themeDark: 'گہرا',
    lrs: 'ایل آر ایس',
    lrsOff: 'بند',
    lrsLocal: 'یہ کمپیوٹر (npm run lrs)',
    lrsCounts: '{sent} بھیجے گئے · {pending} منتظر · {rejected} الگ رکھے گئے',
    courseHeading: 'آپ کا کورس',
    quizPage: 'ایک الگ صفحے پر کوئز آزمائیں',
    eventsHeading: 'واقعات جو شراکت دار ویب سائٹ سن سکتی ہے',
    eventsIntro: 'ہر واقعہ عناصر سے باہر آتا ہے؛ یہ فہرست ہر ایک کو اس کی تفصیل کے ساتھ دکھاتی ہے۔',
    settings: 'ڈیمو کی ترتیبات',
  },
};

const SETTINGS_KEY = 'sabaq-demo-settings';
const elements = () => document.querySelectorAll('sabaq-course-player, sabaq-progress-tracker, sabaq-certificate');
const select = (id: string) => document.querySelector<HTMLSelectElement>(`#${id}`)!;

interface Settings {
  language: Language;
  learner: string;
  theme: string;
  /** Where learning records go: nowhere (`off`, the default), or the LRS `npm run lrs` starts. */
  lrs: 'off' | 'local';
}

function readSettings(): Settings {
  const fallback: Settings = { language: 'en', learner: 'amna', theme: 'academy', lrs: 'off' };
  try {
    return { ...fallback, ...JSON.parse(localStorage.getItem(SETTINGS_KEY) ?? '{}') };
  } catch {
    return fallback;
  }
}

let lrs: LrsConnection | undefined;
let lrsCounts: LrsCounts | undefined;

/** The outbox's counts beside the LRS setting, in the page's language. */
function showLrsCounts(): void {
  const counts = lrsCounts;
  const words = PAGE_TEXT[document.documentElement.lang as Language].lrsCounts!;
  document.querySelector('#lrs-counts')!.textContent =
    lrs && counts ? words.replace(/\{(\w+)\}/g, (_, name: keyof LrsCounts) => String(counts[name])) : '';
}

function apply(settings: Settings): void {
  const { language, learner, theme } = settings;
  if (settings.lrs === 'local' && !lrs) {
    lrs = connectDemoLrs('tdap-demo', (counts) => {
      lrsCounts = counts;
      showLrsCounts();
    });
  } else if (settings.lrs === 'off' && lrs) {
    lrs.close();
    lrs = lrsCounts = undefined;
  }
  document.documentElement.lang = language;
  document.documentElement.dir = language === 'ur' ? 'rtl' : 'ltr';
  document.documentElement.dataset.theme = theme;
  for (const element of document.querySelectorAll<HTMLElement>('[data-text]')) {
    element.textContent = PAGE_TEXT[language][element.dataset.text!] ?? element.textContent;
  }
  for (const element of document.querySelectorAll<HTMLElement>('[data-label]')) {
    element.setAttribute('aria-label', PAGE_TEXT[language][element.dataset.label!]!);
  }
  for (const element of elements()) {
    element.setAttribute('src', COURSES[language]);
    element.setAttribute('learner', learner);
    element.setAttribute('namespace', 'tdap-demo');
  }
  select('language').value = language;
  select('learner').value = learner;
  select('theme').value = theme;
  select('lrs').value = settings.lrs;
  showLrsCounts();
  try {
    localStorage.setItem(SETTINGS_KEY, JSON.stringify(settings));
  } catch {
    // Private browsing: the demo simply forgets its settings.
  }
}

let settings = readSettings();
apply(settings);
for (const id of ['language', 'learner', 'theme', 'lrs'] as const) {
  select(id).addEventListener('change', () => {
    settings = { ...settings, [id]: select(id).value };
    apply(settings);
  });
}

// The event log: what a partner's analytics or LMS bridge would receive.
const log = document.querySelector('#event-log')!;

for (const type of SABAQ_EVENT_TYPES) {
  document.addEventListener(type, (event) => {
    const item = document.createElement('li');
    const name = document.createElement('code');
    name.textContent = type;
    const detail = document.createElement('pre');
    detail.textContent = JSON.stringify(event.detail, null, 1);
    detail.dir = 'ltr';
    item.append(name, detail);
    log.prepend(item);
    while (log.children.length > 30) log.lastElementChild!.remove();
  });
}

// The built academy registers sabaq's service worker, so that it works offline after one visit (README,
// "Offline"). Not under `npm start`: its dev server serves the library's source files one by one.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  navigator.serviceWorker.register('./sabaq-sw.js').catch(() => {});
}
