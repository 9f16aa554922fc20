import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { inviteSchema } from '../auth/invite-form';
import { parseForm } from './form';

const form = (fields: Record<string, string>) => {
	const data = new FormData();
	for (const [name, value] of Object.entries(fields)) data.append(name, value);
	return data;
};

describe('parseForm', () => {
	it('lists errors in the order of the form, checks across fields included', () => {
		const result = parseForm(
			form({ email: 'kaputt@', usage: 'multi', maxUses: '1', validDays: '0' }),
			inviteSchema(),
			'doppelt'
		);
		expect(result.success).toBe(false);
		expect(Object.keys(result.success ? {} : result.errors)).toEqual([
			'email',
			'maxUses',
			'validDays'
		]);
	});

	it('places a field the browser did not send where the schema declares it', () => {
		const schema = z
			.object({ name: z.string().min(1, 'Name fehlt'), choice: z.enum(['a', 'b']) })
			.refine((value) => value.name !== 'x', { path: ['name'], message: 'x geht nicht' });
		const result = parseForm(form({ name: '' }), schema, 'doppelt');
		expect(result.success ? [] : Object.keys(result.errors)).toEqual(['name', 'choice']);
	});
});
