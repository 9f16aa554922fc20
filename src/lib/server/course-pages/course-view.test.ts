import { beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../auth/session';
import { createUser } from '../auth/users';
import { createCohort } from '../cohorts/cohorts';
import { enrol, getEnrolment, setOpenForEnrolment } from '../cohorts/enrolment';
import { useFreshDatabase } from '$test/unit/test-database';
import { recordCompletion } from '../progress';
import { getCourse } from '../content';
import { catalogueView, courseHours, courseView, moduleView, startCourse } from './course-view';
import { lessonView, markLesson } from './lesson-view';

useFreshDatabase();

// Fixture courses: two open for self-enrolment (one unlocks module by module), one closed.
const SEQUENTIAL = 'probe-verwaltung';
const OPEN = 'probe-digital';
const CLOSED = 'probe-ikbo';

let counter = 0;
async function makeUser(role: SessionUser['role'] = 'learner'): Promise<SessionUser> {
	counter += 1;
	const user = await createUser({
		email: `person${counter}@example.org`,
		name: `Person ${counter}`,
		role,
		password: 'Ein sehr sicheres Passwort 2026'
	});
	return { id: user.id, email: user.email, name: user.name, role };
}

const course = (id: string) => getCourse(id)!;
const firstLesson = (courseId: string, moduleIndex = 0) =>
	course(courseId).modules[moduleIndex]!.items.find((item) => item.type === 'lesson')!;

beforeAll(() => {
	setOpenForEnrolment(SEQUENTIAL, true);
	setOpenForEnrolment(OPEN, true);
});

describe('catalogue', () => {
	it('lists every course with modules, hours, certificate kind and the learner’s progress', async () => {
		const learner = await makeUser();
		enrol(learner.id, OPEN);
		recordCompletion(learner.id, firstLesson(OPEN).id, 'lesson_marked');
		const cards = catalogueView(learner);
		expect(cards.map((card) => card.id)).toContain(CLOSED);
		const open = cards.find((card) => card.id === OPEN)!;
		expect(open).toMatchObject({ enrolled: true, url: `/kurse/${OPEN}` });
		expect(open.moduleCount).toBe(course(OPEN).modules.length);
		expect(open.progress?.done).toBe(1);
		expect(cards.find((card) => card.id === CLOSED)).toMatchObject({
			enrolled: false,
			progress: null
		});
	});

	it('adds the modules’ hours, falling back to the certificate', () => {
		const meta = course(SEQUENTIAL);
		const sum = meta.modules.reduce((total, module) => total + (module.hours ?? 0), 0);
		expect(courseHours(meta)).toBe(sum);
		expect(courseHours({ ...meta, modules: [] })).toBe(meta.certificate?.hours ?? null);
	});
});

describe('course page', () => {
	it('offers self-enrolment only for open courses and refuses it for closed ones', async () => {
		const learner = await makeUser();
		expect(courseView(learner, OPEN)?.enrolment).toBe('open');
		expect(courseView(learner, CLOSED)?.enrolment).toBe('closed');
		expect(startCourse(learner, CLOSED)).toEqual({ ok: false, reason: 'closed' });
		expect(getEnrolment(learner.id, CLOSED)).toBeUndefined();
		expect(startCourse(learner, OPEN)).toEqual({ ok: true, url: `/kurse/${firstLesson(OPEN).id}` });
		expect(courseView(learner, OPEN)?.enrolment).toBe('enrolled');
	});

	it('does not enrol trainers and lets them read every module', async () => {
		const trainer = await makeUser('trainer');
		expect(startCourse(trainer, OPEN)).toEqual({ ok: false, reason: 'not_learner' });
		const view = courseView(trainer, SEQUENTIAL)!;
		expect(view.enrolment).toBe('staff');
		expect(view.progress).toBeNull();
		expect(view.modules.every((module) => module.lock === null)).toBe(true);
	});

	it('locks module 2 of a sequential course and names what is missing', async () => {
		const learner = await makeUser();
		startCourse(learner, SEQUENTIAL);
		const view = courseView(learner, SEQUENTIAL)!;
		expect(view.modules[0]!.lock).toBeNull();
		const lock = view.modules[1]!.lock;
		expect(lock?.reason).toBe('previous_incomplete');
		if (lock?.reason !== 'previous_incomplete') return;
		expect(lock.previous.url).toBe(`/kurse/${course(SEQUENTIAL).modules[0]!.id}`);
		expect(lock.missing.map((item) => item.id)).toEqual(
			course(SEQUENTIAL).modules[0]!.items.map((item) => item.id)
		);
		const quiz = lock.missing.find((item) => item.type === 'quiz');
		expect(quiz?.url).toMatch(/^\/quiz\//);
		expect(view.resume?.id).toBe(firstLesson(SEQUENTIAL).id);
	});

	it('shows per-item done state and module progress to an enrolled learner', async () => {
		const learner = await makeUser();
		startCourse(learner, OPEN);
		recordCompletion(learner.id, firstLesson(OPEN).id, 'lesson_marked');
		const module = moduleView(learner, course(OPEN).modules[0]!.id)!;
		expect(module.module.progress).toEqual({
			done: 1,
			total: course(OPEN).modules[0]!.items.length
		});
		expect(module.module.items[0]).toMatchObject({ done: true, type: 'lesson' });
		expect(module.module.items[1]).toMatchObject({ done: false });
	});
	it('labels an item as new when the rest of its module and later items were already done', async () => {
		const learner = await makeUser();
		startCourse(learner, OPEN);
		const [first, second] = course(OPEN).modules;
		const added = first!.items.at(-1)!;
		for (const item of first!.items.filter((entry) => entry.id !== added.id)) {
			recordCompletion(learner.id, item.id, item.type === 'quiz' ? 'quiz_passed' : 'lesson_marked');
		}
		recordCompletion(learner.id, second!.items[0]!.id, 'lesson_marked');
		const items = moduleView(learner, first!.id)!.module.items;
		expect(items.find((item) => item.id === added.id)).toMatchObject({ done: false, isNew: true });
		expect(items.filter((item) => item.isNew)).toHaveLength(1);
	});
	it('shows a cohort learner the in-person days of each module and the Vertiefungstreffen; self-paced learners none', async () => {
		const trainer = await makeUser('trainer');
		const inCohort = await makeUser();
		const selfPaced = await makeUser();
		const [first, second] = course(OPEN).modules;
		const cohortId = createCohort(
			OPEN,
			{
				name: 'Herbst',
				trainerIds: [trainer.id],
				followUpDate: '2028-01-17',
				modules: [
					{
						moduleId: first!.id,
						startsOn: '2027-01-11',
						endsOn: '2027-01-12',
						place: 'Berlin-Mitte',
						assignmentDueOn: null
					},
					{
						moduleId: second!.id,
						startsOn: '2027-02-01',
						endsOn: '2027-02-01',
						place: null,
						assignmentDueOn: null
					}
				]
			},
			trainer.id
		);
		enrol(inCohort.id, OPEN, cohortId);
		enrol(selfPaced.id, OPEN);
		const rows = courseView(inCohort, OPEN)!.modules;
		expect(rows[0]!.schedule).toEqual({
			startsOn: '2027-01-11',
			endsOn: '2027-01-12',
			place: 'Berlin-Mitte'
		});
		expect(rows[1]!.schedule).toEqual({ startsOn: '2027-02-01', endsOn: null, place: null });
		expect(rows[2]!.schedule).toBeNull();
		expect(courseView(selfPaced, OPEN)!.modules.every((row) => row.schedule === null)).toBe(true);
		expect(courseView(trainer, OPEN)!.modules.every((row) => row.schedule === null)).toBe(true);
		// The Vertiefungstreffen after the programme: its date for the cohort's learners only.
		expect(courseView(inCohort, OPEN)!.followUpDate).toBe('2028-01-17');
		expect(courseView(selfPaced, OPEN)!.followUpDate).toBeNull();
	});

	it('links a cohort learner to their Austausch, on the course and about a lesson; nobody else', async () => {
		const trainer = await makeUser('trainer');
		const inCohort = await makeUser();
		const selfPaced = await makeUser();
		const cohortId = createCohort(
			OPEN,
			{ name: 'Winter', trainerIds: [trainer.id], followUpDate: null, modules: [] },
			trainer.id
		);
		enrol(inCohort.id, OPEN, cohortId);
		enrol(selfPaced.id, OPEN);
		const lesson = firstLesson(OPEN);
		const lessonLink = (user: SessionUser) => {
			const view = lessonView(user, lesson.id);
			return view.kind === 'lesson' ? view.discussionUrl : 'no lesson';
		};
		expect(courseView(inCohort, OPEN)!.discussionUrl).toBe(`/austausch/${cohortId}`);
		expect(lessonLink(inCohort)).toBe(
			`/austausch/${cohortId}?eintrag=${encodeURIComponent(lesson.id)}`
		);
		for (const other of [selfPaced, trainer]) {
			expect(courseView(other, OPEN)!.discussionUrl).toBeNull();
			expect(lessonLink(other)).toBeNull();
		}
	});
});

describe('voluntary Praxisaufgaben', () => {
	it('are marked and do not hold back the module', async () => {
		const learner = await makeUser();
		enrol(learner.id, CLOSED);
		const module = course(CLOSED).modules.find((entry) =>
			entry.items.some((item) => item.type === 'assignment' && !item.required)
		)!;
		for (const item of module.items) {
			if (item.type === 'assignment' && !item.required) continue;
			const source =
				item.type === 'quiz'
					? 'quiz_passed'
					: item.type === 'assignment'
						? 'assignment_accepted'
						: 'lesson_marked';
			recordCompletion(learner.id, item.id, source);
		}
		const view = moduleView(learner, module.id)!.module;
		const voluntary = view.items.filter((item) => item.voluntary);
		expect(voluntary).toHaveLength(1);
		expect(voluntary[0]).toMatchObject({ type: 'assignment', done: false });
		expect(view.progress).toEqual({ done: view.items.length - 1, total: view.items.length - 1 });
		expect(view.items.filter((item) => !item.voluntary).every((item) => item.done)).toBe(true);
	});
});

describe('lesson page', () => {
	it('sends learners who are not enrolled to the course page', async () => {
		const learner = await makeUser();
		expect(lessonView(learner, firstLesson(CLOSED).id)).toEqual({
			kind: 'redirect',
			to: `/kurse/${CLOSED}`
		});
	});

	it('sends quiz and assignment URLs to their own pages', async () => {
		const trainer = await makeUser('trainer');
		const items = course(CLOSED).modules.flatMap((module) => module.items);
		const quiz = items.find((item) => item.type === 'quiz')!;
		const assignment = items.find((item) => item.type === 'assignment')!;
		expect(lessonView(trainer, quiz.id)).toEqual({
			kind: 'redirect',
			to: `/quiz/${quiz.id}`
		});
		expect(lessonView(trainer, assignment.id)).toEqual({
			kind: 'redirect',
			to: `/aufgaben/${assignment.id}`
		});
		expect(lessonView(trainer, `${CLOSED}/gibt/es-nicht`)).toEqual({
			kind: 'not_found'
		});
	});

	it('renders a lesson with heading IDs, table of contents and neighbours', async () => {
		const learner = await makeUser();
		startCourse(learner, SEQUENTIAL);
		const lesson = firstLesson(SEQUENTIAL);
		const view = lessonView(learner, lesson.id);
		expect(view.kind).toBe('lesson');
		if (view.kind !== 'lesson') return;
		expect(view.toc.length).toBeGreaterThanOrEqual(3);
		for (const heading of view.toc) expect(view.html).toContain(`id="${heading.id}"`);
		expect(view.done).toBe(false);
		expect(view.previous).toBeNull();
		expect(view.next?.id).toBe(course(SEQUENTIAL).modules[0]!.items[1]!.id);
	});

	it('shows a lock with the missing items instead of a locked lesson', async () => {
		const learner = await makeUser();
		startCourse(learner, SEQUENTIAL);
		const view = lessonView(learner, firstLesson(SEQUENTIAL, 1).id);
		expect(view.kind).toBe('locked');
		if (view.kind !== 'locked') return;
		expect(view.lock.reason).toBe('previous_incomplete');
		expect(view).not.toHaveProperty('html');
	});

	it('marks a lesson done and undoes it, for enrolled learners in open modules only', async () => {
		const learner = await makeUser();
		const lesson = firstLesson(SEQUENTIAL);
		expect(markLesson(learner, lesson.id, true)).toBe('forbidden');
		startCourse(learner, SEQUENTIAL);
		expect(markLesson(learner, lesson.id, true)).toBe('ok');
		expect(courseView(learner, SEQUENTIAL)!.modules[0]!.items[0]!.done).toBe(true);
		expect(markLesson(learner, lesson.id, false)).toBe('ok');
		expect(courseView(learner, SEQUENTIAL)!.modules[0]!.items[0]!.done).toBe(false);
		expect(markLesson(learner, firstLesson(SEQUENTIAL, 1).id, true)).toBe('forbidden');
		const quiz = course(SEQUENTIAL).modules[0]!.items.find((item) => item.type === 'quiz')!;
		expect(markLesson(learner, quiz.id, true)).toBe('not_found');
		const trainer = await makeUser('trainer');
		expect(markLesson(trainer, lesson.id, true)).toBe('forbidden');
	});
});
