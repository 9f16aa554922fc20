import { m } from '$lib/paraglide/messages.js';
import { z } from 'zod';
import { roles } from '../db/schema';
import { PASSWORD_MAX_LENGTH } from '$lib/auth/password-length';
import { checkPasswordPolicy } from './password';
import { passwordProblemMessages } from './password-messages';
import { asOneLine } from '../validation/text';

export const EMAIL_MAX_LENGTH = 254;
export const NAME_MAX_LENGTH = 100;

/** Schemas are built per request so that their messages use the request's locale. */

const email = () =>
	z
		.string({ error: m.auth_error_email_required() })
		.trim()
		.min(1, m.auth_error_email_required())
		.max(EMAIL_MAX_LENGTH, m.auth_error_email_too_long({ max: EMAIL_MAX_LENGTH }))
		.pipe(z.email({ error: m.auth_error_email_invalid() }));

const name = () =>
	z
		.string({ error: m.auth_error_name_required() })
		.overwrite(asOneLine)
		.trim()
		.min(1, m.auth_error_name_required())
		.max(NAME_MAX_LENGTH, m.auth_error_name_too_long({ max: NAME_MAX_LENGTH }));

/** The password the user has now, to confirm a change to the account. */
const currentPassword = () =>
	z
		.string({ error: m.auth_error_password_required() })
		.min(1, m.auth_error_password_required())
		.max(PASSWORD_MAX_LENGTH, m.auth_error_current_password_wrong());

const passwordFields = () => ({
	password: z.string({ error: m.auth_error_password_required() }),
	passwordRepeat: z.string({ error: m.auth_error_password_repeat_mismatch() })
});

/**
 * Policy and repetition of a new password; issues land on the fields the user must fix, both at
 * once, so that one round trip shows everything to correct.
 */
function checkNewPassword(
	value: { password: string; passwordRepeat: string; email?: string; name?: string },
	ctx: z.RefinementCtx
) {
	const problem = checkPasswordPolicy(value.password, { email: value.email, name: value.name });
	if (problem) {
		ctx.addIssue({
			code: 'custom',
			path: ['password'],
			message: passwordProblemMessages[problem]()
		});
	}
	if (value.password !== value.passwordRepeat) {
		ctx.addIssue({
			code: 'custom',
			path: ['passwordRepeat'],
			message: m.auth_error_password_repeat_mismatch()
		});
	}
}

export const loginSchema = () =>
	z.object({
		email: email(),
		password: z
			.string({ error: m.auth_error_password_required() })
			.min(1, m.auth_error_password_required())
			.max(PASSWORD_MAX_LENGTH, m.auth_error_password_too_long({ max: PASSWORD_MAX_LENGTH })),
		weiter: z.string().max(2000).optional()
	});

export const registerSchema = () =>
	z.object({ name: name(), email: email(), ...passwordFields() }).superRefine(checkNewPassword);

/** `email` and `name` are set by the server (context for the policy), never read from the form. */
export const resetPasswordSchema = () =>
	z
		.object({ email: z.string().optional(), name: z.string().optional(), ...passwordFields() })
		.superRefine(checkNewPassword);

export const changePasswordSchema = () =>
	z
		.object({
			email: z.string().optional(),
			name: z.string().optional(),
			currentPassword: currentPassword(),
			...passwordFields()
		})
		.superRefine(checkNewPassword);

export const roleSchema = () => z.enum(roles, { error: m.admin_error_role_invalid() });

export const forgotPasswordSchema = () => z.object({ email: email() });

export const emailChangeSchema = () =>
	z.object({
		newEmail: email(),
		passwordForEmail: currentPassword()
	});

export const nameChangeSchema = () => z.object({ name: name() });

/** An admin corrects both fields at once; unchanged fields are left as they are. */
export const adminProfileSchema = () => z.object({ name: name(), email: email() });
