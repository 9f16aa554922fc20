import { LESSON_PATH } from '../context';

// The pages issue 19 sets targets for, as shares of nginx serving the lesson's HTML statically.

export interface TargetPage {
	page: string;
	path: string;
	/** Sent with the signed-in learner's session cookie. */
	login: boolean;
	/** Minimum share of nginx; null: measured for comparison only. */
	target: number | null;
	/** Every request with a query string of its own, so no kept page answers it. */
	fresh?: boolean;
}

const COURSE_PATH = LESSON_PATH.split('/').slice(0, 3).join('/');

const LESSON: TargetPage = {
	page: 'lesson page (learner)',
	path: LESSON_PATH,
	login: true,
	target: 0.06
};

/** One app process each. */
export const SINGLE_PROCESS_PAGES: readonly TargetPage[] = [
	{ page: 'anonymous simple page', path: '/barrierefreiheit', login: false, target: 0.1 },
	{ page: 'login page', path: '/anmelden', login: false, target: null },
	// What every page costs a signed-in learner before its own content: session, layout, header.
	{ page: 'simple page (learner)', path: '/barrierefreiheit', login: true, target: null },
	LESSON,
	// Kept pages answer a page read again with nothing written in between; this is what the lesson
	// costs when it is rendered for every request (after any write, or read for the first time).
	{ ...LESSON, page: 'lesson page (learner), rendered every time', fresh: true, target: null },
	{ page: 'course page (learner)', path: COURSE_PATH, login: true, target: 0.04 },
	{ page: 'dashboard / (learner)', path: '/', login: true, target: 0.04 }
];

/** The lesson again, clustered over every core. */
export const CLUSTERED_LESSON: TargetPage = {
	...LESSON,
	page: 'lesson page, clustered',
	target: 0.1
};
