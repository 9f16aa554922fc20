import { describe, expect, it } from 'vitest';
import type { SubmissionStatus } from '$lib/submission-status';
import { isEditable, nextStatus } from './state';

describe('submission life cycle', () => {
	it('runs draft → submitted → revision requested → submitted → accepted', () => {
		let status: SubmissionStatus = 'draft';
		expect(nextStatus(status, 'save')).toBe('draft');
		status = nextStatus(status, 'submit')!;
		expect(status).toBe('submitted');
		status = nextStatus(status, 'request_revision')!;
		expect(status).toBe('revision_requested');
		expect(nextStatus(status, 'save')).toBe('revision_requested');
		status = nextStatus(status, 'submit')!;
		expect(status).toBe('submitted');
		status = nextStatus(status, 'accept')!;
		expect(status).toBe('accepted');
	});

	it('locks a submitted or accepted submission for the learner', () => {
		for (const status of ['submitted', 'accepted'] as const) {
			expect(isEditable(status)).toBe(false);
			expect(nextStatus(status, 'save')).toBeNull();
			expect(nextStatus(status, 'submit')).toBeNull();
		}
		expect(isEditable('draft')).toBe(true);
		expect(isEditable('revision_requested')).toBe(true);
	});

	it('lets trainers decide only on submitted work', () => {
		for (const status of ['draft', 'revision_requested', 'accepted'] as const) {
			expect(nextStatus(status, 'accept')).toBeNull();
			expect(nextStatus(status, 'request_revision')).toBeNull();
		}
	});
});
