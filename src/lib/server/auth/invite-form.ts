import { m } from '$lib/paraglide/messages.js';
import { z } from 'zod';
import { roles } from '../db/schema';
import { EMAIL_MAX_LENGTH } from './forms';

export const INVITE_MAX_USES = 500;
export const INVITE_MAX_DAYS = 90;

export const inviteSchema = () =>
	z
		.object({
			role: z.enum(roles, { error: m.admin_error_role_invalid() }).default('learner'),
			email: z
				.string()
				.trim()
				.max(EMAIL_MAX_LENGTH, m.auth_error_email_too_long({ max: EMAIL_MAX_LENGTH }))
				.pipe(z.union([z.literal(''), z.email({ error: m.auth_error_email_invalid() })]))
				.default(''),
			cohortId: z.string().max(40).default(''),
			usage: z.enum(['single', 'multi'], { error: m.admin_invite_error_usage() }).default('single'),
			maxUses: z.string().default(''),
			validDays: z.coerce
				.number({ error: m.admin_invite_error_days({ max: INVITE_MAX_DAYS }) })
				.int(m.admin_invite_error_days({ max: INVITE_MAX_DAYS }))
				.min(1, m.admin_invite_error_days({ max: INVITE_MAX_DAYS }))
				.max(INVITE_MAX_DAYS, m.admin_invite_error_days({ max: INVITE_MAX_DAYS }))
		})
		.superRefine((value, ctx) => {
			if (value.usage !== 'multi') return;
			const uses = Number(value.maxUses);
			if (!Number.isInteger(uses) || uses < 2 || uses > INVITE_MAX_USES) {
				ctx.addIssue({
					code: 'custom',
					path: ['maxUses'],
					message: m.admin_invite_error_max_uses({ max: INVITE_MAX_USES })
				});
			}
			if (value.email) {
				ctx.addIssue({
					code: 'custom',
					path: ['email'],
					message: m.admin_invite_error_multi_email()
				});
			}
		})
		.transform((value) => ({
			role: value.role,
			email: value.email || null,
			cohortId: value.cohortId || null,
			maxUses: value.usage === 'multi' ? Number(value.maxUses) : 1,
			validDays: value.validDays
		}));
