import { environmentProblems, numberProblem } from './env-check.js';
import { StartupProblem } from './startup';

// The one module that reads the environment. Every setting the platform knows is named here (the
// README's table documents each; a test keeps both and the code in step). Values are read on each
// call, so tests and the Datenschutz page see what the running jobs use.

export const ENV_NAMES = [
	'ORIGIN',
	'PORT',
	'DATABASE_PATH',
	'UPLOAD_DIR',
	'MIGRATIONS_DIR',
	'CONTENT_DIR',
	'CONTENT_WATCH',
	'DEMO_MODE',
	'KEY_DIR',
	'NEW_SIGNING_KEY',
	'LOGIN_LIMIT_ACCOUNT',
	'LOGIN_LIMIT_ACCOUNT_TOTAL',
	'LOGIN_LIMIT_IP',
	'RESET_LIMIT_IP',
	'NEW_PASSWORD_LIMIT_IP',
	'REGISTER_LIMIT_IP',
	'VERIFY_LIMIT_IP',
	'VERIFY_LIMIT_WINDOW_SECONDS',
	'BARRIER_REPORT_LIMIT_IP',
	'SMTP_URL',
	'SMTP_USER',
	'SMTP_PASSWORD',
	'MAIL_FROM',
	'MAIL_DIR',
	'MAIL_LEASE_SECONDS',
	'RETENTION_INACTIVE_MONTHS',
	'RETENTION_COHORT_MONTHS',
	'DELETION_GRACE_DAYS',
	'AUDIT_RETENTION_MONTHS'
] as const;

export type EnvName = (typeof ENV_NAMES)[number];
export type Environment = Partial<Record<EnvName, string>>;

export function envText(name: EnvName): string | undefined {
	return process.env[name];
}

/**
 * A whole-number setting (range in env-check.js), or `fallback` when unset. A value out of range
 * stops the start (checkEnvironment), so the throw here is only reached by a setting changed
 * later in the same process (tests).
 */
export function envPositive(name: EnvName, fallback: number): number {
	const raw = process.env[name];
	if (raw === undefined || raw === '') return fallback;
	const problem = numberProblem(name, raw);
	if (problem) throw new StartupProblem(problem);
	return Number(raw);
}

/** A switch: `true` or `1` is on. */
export function envFlag(name: EnvName): boolean {
	const value = process.env[name];
	return value === 'true' || value === '1';
}

/**
 * Checks every setting (env-check.js) and throws one StartupProblem listing each wrong one on a
 * line of its own. `requireOrigin`: the built server cannot work without ORIGIN.
 */
export function checkEnvironment({ requireOrigin }: { requireOrigin: boolean }): void {
	const problems = environmentProblems(process.env, { requireOrigin });
	if (problems.length) throw new StartupProblem(problems.join('\n'));
}

/** All settings at once, for modules that validate a group (mail). */
export function environment(): Environment {
	return Object.fromEntries(ENV_NAMES.map((name) => [name, process.env[name]]));
}
