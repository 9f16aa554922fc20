import { describe, expect, it } from 'vitest';
import {
	berlinYear,
	CODE_ALPHABET,
	CODE_BITS,
	formatCertificateNumber,
	generateVerificationCode,
	isVerificationCode,
	normaliseVerificationCode
} from './codes';

describe('verification codes', () => {
	it('are four groups of four characters without ambiguous letters', () => {
		for (let i = 0; i < 200; i += 1) {
			const code = generateVerificationCode();
			expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
			expect(code).not.toMatch(/[ILOU]/);
			expect(isVerificationCode(code)).toBe(true);
		}
	});

	it('carry at least 64 bits of entropy', () => {
		expect(CODE_ALPHABET).toHaveLength(32);
		expect(new Set(CODE_ALPHABET).size).toBe(32);
		expect(CODE_BITS).toBeGreaterThanOrEqual(64);
		expect(CODE_BITS).toBe(16 * Math.log2(CODE_ALPHABET.length));
	});

	it('use every character of the alphabet about equally often', () => {
		const counts = new Map<string, number>();
		const samples = 2000;
		for (let i = 0; i < samples; i += 1) {
			for (const char of generateVerificationCode().replaceAll('-', '')) {
				counts.set(char, (counts.get(char) ?? 0) + 1);
			}
		}
		expect(counts.size).toBe(32);
		const expected = (samples * 16) / 32;
		for (const n of counts.values()) {
			expect(n).toBeGreaterThan(expected * 0.8);
			expect(n).toBeLessThan(expected * 1.2);
		}
	});

	it('do not repeat', () => {
		const codes = new Set(Array.from({ length: 5000 }, generateVerificationCode));
		expect(codes.size).toBe(5000);
	});

	it('are read back the way people type them', () => {
		expect(normaliseVerificationCode('7k3m q9pa zt4x 8hnb')).toBe('7K3M-Q9PA-ZT4X-8HNB');
		expect(normaliseVerificationCode('7K3MQ9PAZT4X8HNB')).toBe('7K3M-Q9PA-ZT4X-8HNB');
		expect(normaliseVerificationCode('O0IL-1111-2222-3333')).toBe('0011-1111-2222-3333');
		expect(normaliseVerificationCode('7K3M-Q9PA-ZT4X')).toBeNull();
		expect(normaliseVerificationCode('7K3M-Q9PA-ZT4X-8HNU')).toBeNull();
		expect(normaliseVerificationCode("'; drop table--")).toBeNull();
	});
});

describe('certificate numbers', () => {
	it('are the year and a six-digit serial', () => {
		expect(formatCertificateNumber(2026, 123)).toBe('2026-000123');
		expect(formatCertificateNumber(2027, 1)).toBe('2027-000001');
	});

	it('count the year in Berlin time', () => {
		expect(berlinYear(new Date('2026-12-31T23:30:00Z'))).toBe(2027);
		expect(berlinYear(new Date('2026-12-31T22:30:00Z'))).toBe(2026);
	});
});
