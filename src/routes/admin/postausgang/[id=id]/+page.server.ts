import { m } from '$lib/paraglide/messages.js';
import { recordAudit } from '$lib/server/audit';
import { requireUser } from '$lib/server/auth/guards';
import { getOutboxMail, loadMailConfig, requeueMail, wakeMailWorker } from '$lib/server/mail';
import { formFailure } from '$lib/server/validation/form';
import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireUser(event, 'admin');
	const mail = getOutboxMail(event.params.id);
	if (!mail) error(404, 'not found');
	return { mail, from: loadMailConfig().from };
};

export const actions: Actions = {
	/** A failed mail goes back into the queue, e.g. after the server or address was fixed. */
	retry: async (event) => {
		const admin = requireUser(event, 'admin');
		if (!getOutboxMail(event.params.id)) error(404, 'not found');
		if (!requeueMail(event.params.id)) {
			return formFailure(400, { form: m.mail_outbox_retry_not_failed() });
		}
		recordAudit({
			actorId: admin.id,
			action: 'mail.requeued',
			objectType: 'mail',
			objectId: event.params.id
		});
		wakeMailWorker();
		return { requeued: true };
	}
};
