import type { MailStatus } from '$lib/mail';
import { requireUser } from '$lib/server/auth/guards';
import {
	countOutboxByStatus,
	describeProblem,
	getMailHealth,
	listOutbox,
	loadMailConfig
} from '$lib/server/mail';
import type { PageServerLoad } from './$types';
import { pageParam } from '$lib/server/http/page-param';

/** German filter values in the URL. */
const statusParams: Record<string, MailStatus> = {
	wartet: 'queued',
	sendet: 'sending',
	gesendet: 'sent',
	abgelegt: 'kept',
	fehlgeschlagen: 'failed'
};

export const load: PageServerLoad = (event) => {
	requireUser(event, 'admin');
	const param = event.url.searchParams.get('status') ?? '';
	const status = statusParams[param];
	const page = pageParam(event.url.searchParams);
	const health = getMailHealth();
	return {
		filter: status ? param : '',
		counts: countOutboxByStatus(),
		result: listOutbox({ status, page }),
		health: {
			mode: health.mode,
			server: health.server,
			connection: health.connection,
			connectionError: health.connectionError,
			checkedAt: health.checkedAt,
			problems: health.problems.map((problem) => describeProblem(problem)),
			mailDir: health.mode === 'file' ? loadMailConfig().mailDir : null
		}
	};
};
