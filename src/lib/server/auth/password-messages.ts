// A relative import (not `$lib`), so the `user:create` script can use the same messages.
import { m } from '../../paraglide/messages.js';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '$lib/auth/password-length';
import type { PasswordProblem } from './password-policy';

/** What to tell someone whose new password the policy refused, in their language. */
export const passwordProblemMessages: Record<PasswordProblem, () => string> = {
	too_short: () => m.auth_error_password_too_short({ min: PASSWORD_MIN_LENGTH }),
	too_long: () => m.auth_error_password_too_long({ max: PASSWORD_MAX_LENGTH }),
	too_common: () => m.auth_error_password_too_common(),
	contains_email: () => m.auth_error_password_contains_email(),
	contains_name: () => m.security_password_contains_name(),
	contains_platform: () => m.security_password_contains_platform(),
	repeated: () => m.security_password_repeated(),
	sequence: () => m.security_password_sequence(),
	keyboard: () => m.security_password_keyboard(),
	too_guessable: () => m.security_password_too_guessable()
};
