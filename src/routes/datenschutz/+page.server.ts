import { getOperatorSettings } from '$lib/server/operator/settings';
import { retentionConfig } from '$lib/server/privacy';
import type { PageServerLoad } from './$types';

/** Public: the retention periods shown are the ones the running server applies. */
export const load: PageServerLoad = () => {
	const config = retentionConfig();
	return {
		operator: getOperatorSettings(),
		retention: {
			inactiveMonths: config.inactiveMonths,
			cohortMonths: config.cohortMonths,
			deletionGraceDays: config.deletionGraceDays,
			auditMonths: config.auditMonths
		}
	};
};
