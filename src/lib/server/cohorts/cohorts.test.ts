import { beforeEach, describe, expect, it } from 'vitest';
import type { SessionUser } from '../auth/session';
import { createUser } from '../auth/users';
import { getCourse } from '../content';
import { useFreshDatabase } from '$test/unit/test-database';
import { canManageCohort } from './access';
import {
	addTrainer,
	COHORTS_PAGE_SIZE,
	createCohort,
	getCohort,
	listCohortLearners,
	listManagedCohortsPage,
	listTrainerCandidates,
	removeLearner,
	removeTrainer,
	updateCohort
} from './cohorts';
import { enrol, getEnrolment } from './enrolment';
import type { CohortPeriod } from './periods';

const COURSE = 'probe-ikbo';
const password = 'Fahrrad Kanal Brücke';
const newLearner = () =>
	createUser({ email: 'l@example.org', name: 'L', password, role: 'learner' });
const asSession = (user: {
	id: string;
	name: string;
	email: string;
	role: SessionUser['role'];
}) => ({
	id: user.id,
	name: user.name,
	email: user.email,
	role: user.role
});

describe('cohorts', () => {
	let trainer: SessionUser;
	let other: SessionUser;

	beforeEach(async () => {
		useFreshDatabase();
		trainer = asSession(
			await createUser({ email: 't@example.org', name: 'Trainerin', password, role: 'trainer' })
		);
		other = asSession(
			await createUser({ email: 'o@example.org', name: 'Andere', password, role: 'trainer' })
		);
	});

	it('stores name, trainers and module dates and returns every module of the course in order', () => {
		const firstModule = getCourse(COURSE)!.modules[0]!.id;
		const id = createCohort(
			COURSE,
			{
				name: 'IKBO',
				trainerIds: [trainer.id],
				followUpDate: '2027-06-01',
				modules: [
					{
						moduleId: firstModule,
						startsOn: '2026-03-02',
						endsOn: '2026-03-03',
						place: 'Berlin',
						assignmentDueOn: null
					}
				]
			},
			trainer.id
		);
		expect(id).toMatch(/^[a-z2-7]{16}$/);
		const cohort = getCohort(id)!;
		expect(cohort).toMatchObject({ name: 'IKBO', courseId: COURSE, followUpDate: '2027-06-01' });
		expect(cohort.modules).toHaveLength(getCourse(COURSE)!.modules.length);
		expect(cohort.modules[0]).toMatchObject({
			number: 1,
			startsOn: '2026-03-02',
			endsOn: '2026-03-03',
			place: 'Berlin'
		});
		expect(cohort.modules[1]).toMatchObject({ number: 2, startsOn: null });
		expect(cohort.trainers.map((t) => t.name)).toEqual(['Trainerin']);

		updateCohort(id, { name: 'IKBO 2', followUpDate: null, modules: [] });
		expect(getCohort(id)).toMatchObject({ name: 'IKBO 2', followUpDate: null });
		expect(getCohort(id)!.modules[0]!.startsOn).toBeNull();
	});

	it('lets only its trainers manage a cohort and keeps at least one trainer', () => {
		const id = createCohort(
			COURSE,
			{ name: 'L', trainerIds: [trainer.id], followUpDate: null, modules: [] },
			trainer.id
		);
		expect(canManageCohort(trainer, id)).toBe(true);
		expect(canManageCohort(other, id)).toBe(false);
		expect(listManagedCohortsPage(other, 1).total).toBe(0);
		expect(removeTrainer(id, trainer.id)).toBe(false);
		addTrainer(id, other.id);
		expect(canManageCohort(other, id)).toBe(true);
		expect(removeTrainer(id, trainer.id)).toBe(true);
		expect(canManageCohort(trainer, id)).toBe(false);
	});

	it('pages the managed cohorts with learner counts and the first day', async () => {
		const a = createCohort(
			COURSE,
			{ name: 'A', trainerIds: [trainer.id], followUpDate: null, modules: [] },
			trainer.id
		);
		const modules = getCourse(COURSE)!.modules;
		createCohort(
			COURSE,
			{
				name: 'B',
				trainerIds: [trainer.id],
				followUpDate: null,
				modules: [
					{
						moduleId: modules[1]!.id,
						startsOn: '2026-05-04',
						endsOn: '2026-05-04',
						place: null,
						assignmentDueOn: null
					},
					{
						moduleId: modules[0]!.id,
						startsOn: '2026-04-13',
						endsOn: '2026-04-13',
						place: null,
						assignmentDueOn: null
					}
				]
			},
			trainer.id
		);
		const learner = await newLearner();
		enrol(learner.id, COURSE, a);
		const facts = (period: CohortPeriod) =>
			listManagedCohortsPage(trainer, 1, period).rows.map((row) => [
				row.name,
				row.learners,
				row.startsOn
			]);
		// B's days are over: it is listed under the finished cohorts.
		expect(facts('current')).toEqual([['A', 1, null]]);
		expect(facts('finished')).toEqual([['B', 0, '2026-04-13']]);
		expect(listManagedCohortsPage(trainer, 1).periods).toEqual({ current: 1, finished: 1 });
		expect(listManagedCohortsPage(asSession(learner), 1).rows).toEqual([]);
	});

	it('splits long lists into pages and clamps the page number', () => {
		for (let n = 1; n <= COHORTS_PAGE_SIZE + 1; n += 1) {
			const name = `Lehrgang ${String(n).padStart(2, '0')}`;
			createCohort(
				COURSE,
				{ name, trainerIds: [trainer.id], followUpDate: null, modules: [] },
				trainer.id
			);
		}
		createCohort(
			COURSE,
			{ name: 'Fremd', trainerIds: [other.id], followUpDate: null, modules: [] },
			other.id
		);
		const first = listManagedCohortsPage(trainer, 1);
		expect(first).toMatchObject({ total: COHORTS_PAGE_SIZE + 1, pages: 2, page: 1 });
		expect(first.rows).toHaveLength(COHORTS_PAGE_SIZE);
		const last = listManagedCohortsPage(trainer, 99);
		expect(last.page).toBe(2);
		expect(last.rows.map((row) => row.name)).toEqual([`Lehrgang ${COHORTS_PAGE_SIZE + 1}`]);
	});

	it('shows a trainer only themself and their co-trainers as candidates; an admin everyone', async () => {
		const colleague = await createUser({
			email: 'k@example.org',
			name: 'Kollegin',
			password,
			role: 'trainer'
		});
		const admin = asSession(
			await createUser({ email: 'a@example.org', name: 'Admin', password, role: 'admin' })
		);
		createCohort(
			COURSE,
			{
				name: 'Gemeinsam',
				trainerIds: [trainer.id, colleague.id],
				followUpDate: null,
				modules: []
			},
			trainer.id
		);
		createCohort(
			COURSE,
			{ name: 'Fremd', trainerIds: [other.id], followUpDate: null, modules: [] },
			other.id
		);
		const names = (actor: SessionUser) => listTrainerCandidates(actor).map((row) => row.name);
		expect(names(trainer)).toEqual(['Kollegin', 'Trainerin']);
		expect(names(other)).toEqual(['Andere']);
		expect(names(admin)).toEqual(['Admin', 'Andere', 'Kollegin', 'Trainerin']);
	});

	it('removes a learner from the cohort by ending the enrolment', async () => {
		const id = createCohort(
			COURSE,
			{ name: 'L', trainerIds: [trainer.id], followUpDate: null, modules: [] },
			trainer.id
		);
		const learner = await newLearner();
		enrol(learner.id, COURSE, id);
		expect(listCohortLearners(id)).toHaveLength(1);
		expect(removeLearner('anderer', learner.id)).toBe(false);
		expect(removeLearner(id, learner.id)).toBe(true);
		expect(getEnrolment(learner.id, COURSE)).toBeUndefined();
	});
});
