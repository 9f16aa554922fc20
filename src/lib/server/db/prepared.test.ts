import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useFreshDatabase } from '$test/unit/test-database';
import { settings } from './schema';
import { preparedQuery } from './prepared';

const settingByKey = preparedQuery((db) =>
	db
		.select({ value: settings.value })
		.from(settings)
		.where(eq(settings.key, sql.placeholder('key')))
		.prepare()
);

describe('preparedQuery', () => {
	it('runs the query built once with new values, and builds it again for a new connection', () => {
		const first = useFreshDatabase();
		first
			.insert(settings)
			.values({ key: 'a', value: { n: 1 }, updatedAt: new Date() })
			.run();
		first
			.insert(settings)
			.values({ key: 'b', value: { n: 2 }, updatedAt: new Date() })
			.run();
		const query = settingByKey();
		expect(query.get({ key: 'a' })?.value).toEqual({ n: 1 });
		expect(settingByKey()).toBe(query);
		expect(query.get({ key: 'b' })?.value).toEqual({ n: 2 });

		// The old connection is closed: a query still bound to it would throw.
		const second = useFreshDatabase();
		second
			.insert(settings)
			.values({ key: 'a', value: { n: 3 }, updatedAt: new Date() })
			.run();
		expect(settingByKey()).not.toBe(query);
		expect(settingByKey().get({ key: 'a' })?.value).toEqual({ n: 3 });
	});
});
