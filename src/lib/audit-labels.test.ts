import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from '$test/source-files';
import { auditObjectLabel } from './audit-labels';

describe('audit log labels', () => {
	it('name every kind of object the code records, in German', () => {
		const types = new Set(
			sourceFiles('src', '.ts').flatMap((file) =>
				[...readFileSync(file, 'utf8').matchAll(/objectType: '([a-z_]+)'/g)].map((hit) => hit[1]!)
			)
		);
		expect(types.size).toBeGreaterThan(10);
		const unnamed = [...types].filter((type) => auditObjectLabel(type) === type);
		expect(unnamed).toEqual([]);
		expect(auditObjectLabel('submission')).toBe('Abgabe');
	});
});
