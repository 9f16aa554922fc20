import { describe, expect, it } from 'vitest';
import { statusLabel } from '$lib/assignments';
import { formatDay } from '$lib/format';
import { assignmentStatusLabel } from '$lib/progress-labels';
import { certificateLabel, itemTypeLabel } from './labels';

describe('one term per concept', () => {
	it('names item types and certificate kinds once, in the reader’s language for mails', () => {
		expect(itemTypeLabel('assignment')).toBe('Praxisaufgabe');
		expect(certificateLabel('teilnahmebestaetigung')).toBe('Teilnahmebestätigung');
		expect(certificateLabel(null)).toBe('ohne Bescheinigung');
		expect(certificateLabel('zertifikat', 'en')).not.toBe(certificateLabel('zertifikat', 'de'));
	});

	it('gives an assignment the same status words on the dashboard as on its own page', () => {
		for (const status of ['draft', 'submitted', 'revision_requested', 'accepted'] as const) {
			expect(assignmentStatusLabel(status)).toBe(statusLabel(status));
		}
		expect(assignmentStatusLabel('not_started')).toBe(statusLabel(null));
	});

	it('formats a calendar day as that day, whatever the clock', () => {
		expect(formatDay('2026-03-29', 'de')).toBe('29.03.2026');
		expect(formatDay('2026-12-31', 'de')).toBe('31.12.2026');
	});
});
