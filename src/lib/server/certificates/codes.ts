import { randomBytes } from 'node:crypto';
import { dateTimeFormat } from '$lib/intl';

/**
 * Crockford's base32 alphabet: no I, L, O or U, so a code read aloud or typed from paper cannot
 * be misread; when typed, the look-alikes are mapped back (O → 0, I/L → 1).
 */
export const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_LENGTH = 16;
const GROUP = 4;
/** 16 characters × 5 bits. */
export const CODE_BITS = CODE_LENGTH * 5;

const codePattern = new RegExp(`^[${CODE_ALPHABET}]{${GROUP}}(-[${CODE_ALPHABET}]{${GROUP}}){3}$`);

/** 80 random bits (10 bytes) as 16 base32 characters, grouped XXXX-XXXX-XXXX-XXXX. */
export function generateVerificationCode(): string {
	const bytes = randomBytes(CODE_BITS / 8);
	let bits = 0;
	let value = 0;
	let chars = '';
	for (const byte of bytes) {
		value = (value << 8) | byte;
		bits += 8;
		while (bits >= 5) {
			chars += CODE_ALPHABET[(value >>> (bits - 5)) & 31];
			bits -= 5;
		}
		value &= (1 << bits) - 1;
	}
	return groupCode(chars);
}

function groupCode(chars: string): string {
	return chars.match(new RegExp(`.{${GROUP}}`, 'g'))!.join('-');
}

export function isVerificationCode(code: string): boolean {
	return codePattern.test(code);
}

/**
 * Reads a code as people type it: any case, spaces or dashes anywhere, look-alike letters.
 * Returns the canonical grouped form, or null when it cannot be a code.
 */
export function normaliseVerificationCode(input: string): string | null {
	const chars = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
	if (chars.length !== CODE_LENGTH) return null;
	for (const char of chars) if (!CODE_ALPHABET.includes(char)) return null;
	return groupCode(chars);
}

/** The human certificate number, e.g. `2026-000123`. */
export function formatCertificateNumber(year: number, serial: number): string {
	return `${year}-${String(serial).padStart(6, '0')}`;
}

/** The calendar year in Berlin, so a certificate issued on New Year's Eve night counts right. */
export function berlinYear(date: Date): number {
	return Number(
		dateTimeFormat('en-GB', { year: 'numeric', timeZone: 'Europe/Berlin' }).format(date)
	);
}
