import { describe, expect, it } from 'vitest';
import { securityHeadersFor } from './security-headers.js';

describe('security headers', () => {
	it('sends Strict-Transport-Security when the instance is served over https', () => {
		expect(securityHeadersFor('https://lernen.example.org')['Strict-Transport-Security']).toBe(
			'max-age=31536000; includeSubDomains'
		);
	});

	it('never pins a plain-http or unset origin to HTTPS', () => {
		expect(securityHeadersFor('http://localhost:3000')).not.toHaveProperty(
			'Strict-Transport-Security'
		);
		expect(securityHeadersFor(undefined)).not.toHaveProperty('Strict-Transport-Security');
		expect(securityHeadersFor(undefined)['X-Frame-Options']).toBe('DENY');
	});
});
