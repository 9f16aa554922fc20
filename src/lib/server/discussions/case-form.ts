import { z } from 'zod';
import { m } from '$lib/paraglide/messages.js';
import { threadSchema } from './form';

// The Fallberatung's forms: the thread's title and opening post as for any thread, plus roles.

const personId = (message: () => string) => z.string({ error: message }).max(40, message());

export const caseRolesSchema = () =>
	z.object({
		caseGiverId: personId(m.case_error_case_giver).min(1, m.case_error_case_giver()),
		moderatorId: personId(m.case_error_moderator).min(1, m.case_error_moderator())
	});

export const caseSchema = () =>
	threadSchema().pick({ title: true, body: true }).extend(caseRolesSchema().shape);

export const phaseStepSchema = () => z.object({ schritt: z.enum(['weiter', 'zurueck']) });
