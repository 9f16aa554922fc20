import type { MatchExtended, ZxcvbnFactory } from '@zxcvbn-ts/core';
import { createRequire } from 'node:module';

// What makes a password too weak, decided by zxcvbn-ts (German and common dictionaries,
// repeats, sequences, keyboard rows, dates) with the platform's and the person's own words as
// context. The result is a reason, so the form can say precisely what to change.

import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '$lib/auth/password-length';

/** zxcvbn's score 3: about 10^8 guesses, enough against online guessing behind the throttle. */
const MIN_SCORE = 3;
/** A password built on the person's or the platform's own words must be stronger (10^10). */
const MIN_SCORE_WITH_OWN_WORDS = 4;

/** Words anyone would try first against this platform. */
const PLATFORM_WORDS = [
	'lernplattform',
	'integrationslotse',
	'integrationslotsin',
	'lotsin',
	'lotse'
];

export type PasswordProblem =
	| 'too_short'
	| 'too_long'
	| 'too_common'
	| 'contains_email'
	| 'contains_name'
	| 'contains_platform'
	| 'repeated'
	| 'sequence'
	| 'keyboard'
	| 'too_guessable';

export interface PasswordContext {
	email?: string;
	name?: string;
}

let checker: ZxcvbnFactory | undefined;

// The dictionaries are loaded with the first password that is checked, not at start: their
// 110,000 words are about 8 MiB of heap that a server which only lets people log in never needs.
// `require` (their CommonJS builds) keeps the check synchronous for the forms' validation.
const load = createRequire(import.meta.url);

/** Built on first use (the dictionaries take about half a second to rank). */
function zxcvbn(): ZxcvbnFactory {
	if (checker) return checker;
	const { ZxcvbnFactory } = load('@zxcvbn-ts/core') as typeof import('@zxcvbn-ts/core');
	const common = load('@zxcvbn-ts/language-common') as typeof import('@zxcvbn-ts/language-common');
	const german = load('@zxcvbn-ts/language-de') as typeof import('@zxcvbn-ts/language-de');
	checker = new ZxcvbnFactory({
		dictionary: { ...common.dictionary, ...german.dictionary },
		graphs: common.adjacencyGraphs,
		// The default (100) costs seconds on long passwords; 10 still finds `P@ssw0rt`.
		l33tMaxSubstitutions: 10
	});
	return checker;
}

const words = (text: string | undefined, minLength: number) =>
	(text ?? '')
		.toLowerCase()
		.split(/[^\p{L}\p{N}]+/u)
		.filter((word) => word.length >= minLength);

/**
 * Letters and digits left once the words are taken out: a name in rare letters ("Özlem
 * Çelik-Ünal") scores as strong with zxcvbn, but adds nothing a guesser would not try first.
 */
const withoutWords = (text: string, taken: string[]) =>
	[...taken.reduce((rest, word) => rest.replaceAll(word, ''), text).replace(/[^\p{L}\p{N}]+/gu, '')]
		.length;

/** The match that best explains a weak score, most specific reason first. */
function explain(
	matches: MatchExtended[],
	context: { name: string[]; email: string[] }
): PasswordProblem {
	const own = matches.find((match) => match.dictionaryName === 'userInputs');
	if (own) {
		const word = String(own.matchedWord ?? own.token).toLowerCase();
		if (context.email.includes(word)) return 'contains_email';
		if (context.name.includes(word)) return 'contains_name';
		return 'contains_platform';
	}
	const byPattern = (pattern: string) => matches.some((match) => match.pattern === pattern);
	if (byPattern('repeat')) return 'repeated';
	if (matches.some((match) => match.dictionaryName === 'passwords-common')) return 'too_common';
	if (byPattern('sequence')) return 'sequence';
	if (byPattern('spatial')) return 'keyboard';
	return 'too_guessable';
}

export function checkPasswordPolicy(
	password: string,
	context: PasswordContext = {}
): PasswordProblem | null {
	const length = [...password].length;
	if (length < PASSWORD_MIN_LENGTH) return 'too_short';
	if (length > PASSWORD_MAX_LENGTH) return 'too_long';
	const lower = password.toLowerCase();
	const localPart = context.email?.split('@')[0]?.toLowerCase();
	if (localPart && localPart.length >= 4 && lower.includes(localPart)) return 'contains_email';
	const own = {
		email: [...(localPart ? [localPart] : []), ...words(localPart, 3)],
		name: words(context.name, 3)
	};
	if (
		own.name.some((word) => lower.includes(word)) &&
		withoutWords(lower, own.name) < PASSWORD_MIN_LENGTH
	)
		return 'contains_name';
	const result = zxcvbn().check(password, [...own.email, ...own.name, ...PLATFORM_WORDS]);
	const usesOwnWords = result.sequence.some((match) => match.dictionaryName === 'userInputs');
	if (result.score >= (usesOwnWords ? MIN_SCORE_WITH_OWN_WORDS : MIN_SCORE)) return null;
	return explain(result.sequence, own);
}
