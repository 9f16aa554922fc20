import { describe, expect, it } from 'vitest';
import { m } from '$lib/paraglide/messages.js';

describe('counted messages use the plural form the number needs', () => {
	it('says „1 Abgabe wartet" and „2 Abgaben warten"', () => {
		expect(m.progress_dashboard_waiting_count({ count: 1 }, { locale: 'de' })).toBe(
			'1 Abgabe wartet auf Ihre Rückmeldung.'
		);
		expect(m.progress_dashboard_waiting_count({ count: 2 }, { locale: 'de' })).toBe(
			'2 Abgaben warten auf Ihre Rückmeldung.'
		);
	});
});
