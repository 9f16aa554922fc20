import { requireUser } from '$lib/server/auth/guards';
import { listDeletionRequests, planRetention, retentionConfig } from '$lib/server/privacy';
import type { PageServerLoad } from './$types';

const HORIZON_DAYS = 90;

/** What the daily retention job will delete in the next 90 days, and open deletion requests. */
export const load: PageServerLoad = (event) => {
	requireUser(event, 'admin');
	return {
		config: retentionConfig(),
		horizonDays: HORIZON_DAYS,
		planned: planRetention(new Date(), HORIZON_DAYS).map((entry) => ({
			userId: entry.userId,
			name: entry.name,
			reason: entry.reason,
			cohortName: entry.cohortName,
			deleteOn: entry.deleteOn,
			warnedAt: entry.warnedAt
		})),
		requests: listDeletionRequests().map(({ email: _email, ...request }) => request)
	};
};
