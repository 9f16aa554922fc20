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
	const page = Math.min(
		10_000,
		Math.max(1, Number.parseInt(event.url.searchParams.get('seite') ?? '1', 10) || 1)
	);
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
