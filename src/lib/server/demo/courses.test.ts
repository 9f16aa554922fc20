import { describe, expect, it } from 'vitest';
import { isOpenForEnrolment } from '../cohorts/enrolment';
import { getCatalogue } from '../content';
import { useShippedContent } from '$test/unit/shipped-content';
import { useFreshDatabase } from '$test/unit/test-database';
import { OPEN_DEMO_COURSES, openDemoCourses } from './courses';

describe('demo courses', () => {
	it('opens only the demo courses of the shipped catalogue for self-enrolment', () => {
		useShippedContent();
		useFreshDatabase();
		openDemoCourses();
		const ids = getCatalogue().map((course) => course.id);
		expect(ids).toEqual(expect.arrayContaining(OPEN_DEMO_COURSES));
		const open = ids.filter((id) => isOpenForEnrolment(id));
		expect(open.sort()).toEqual([...OPEN_DEMO_COURSES].sort());
	});
});
