import { beforeEach, describe, expect, it } from 'vitest';
import { berlinDay } from '$lib/berlin-day';
import { createUser } from '../auth/users';
import { getCourse } from '../content';
import { useFreshDatabase } from '$test/unit/test-database';
import { listManagedCohorts } from './access';
import { createCohort } from './cohorts';
import { addDays } from './dates';

const COURSE = 'probe-ikbo';

describe('current and finished cohorts', () => {
	let trainer: Awaited<ReturnType<typeof createUser>>;
	const today = berlinDay();
	const day = (offset: number) => addDays(today, offset);
	const cohort = (
		name: string,
		days: [startsOn: string | null, endsOn: string | null][],
		followUpDate: string | null = null
	) => {
		const modules = getCourse(COURSE)!.modules;
		createCohort(
			COURSE,
			{
				name,
				trainerIds: [trainer.id],
				followUpDate,
				modules: days.map(([startsOn, endsOn], index) => ({
					moduleId: modules[index]!.id,
					startsOn,
					endsOn,
					place: null,
					assignmentDueOn: null
				}))
			},
			trainer.id
		);
	};
	const names = (period: 'current' | 'finished') =>
		listManagedCohorts({ ...trainer, role: 'trainer' }, period).map((row) => row.name);

	beforeEach(async () => {
		useFreshDatabase();
		trainer = await createUser({
			email: 't@example.org',
			name: 'Trainerin',
			password: 'Fahrrad Kanal Brücke',
			role: 'trainer'
		});
	});

	it('counts a cohort as finished only once its last day, follow-up included, is over', () => {
		cohort('Ohne Termine', []);
		cohort('Geplant', [[day(30), day(31)]]);
		cohort('Heute letzter Tag', [[day(-1), day(0)]]);
		cohort('Läuft noch', [
			[day(-40), day(-39)],
			[day(10), null]
		]);
		cohort('Vertiefung kommt', [[day(-40), day(-39)]], day(20));
		cohort('Gestern vorbei', [[day(-2), day(-1)]]);
		cohort('Lange her', [[day(-400), null]], day(-300));
		expect(names('current')).toEqual([
			'Geplant',
			'Heute letzter Tag',
			'Läuft noch',
			'Ohne Termine',
			'Vertiefung kommt'
		]);
		expect(names('finished')).toEqual(['Gestern vorbei', 'Lange her']);
		expect(listManagedCohorts({ ...trainer, role: 'trainer' })).toHaveLength(7);
	});
});
