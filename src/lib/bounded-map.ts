/**
 * A Map of at most `limit` entries: setting one more forgets the oldest. For memos of values that
 * never change under their key (content hashes, SQL text, question shapes), so forgetting costs
 * only the work of making the value again.
 */
export class BoundedMap<Key, Value> extends Map<Key, Value> {
	constructor(private readonly limit: number) {
		super();
	}

	override set(key: Key, value: Value): this {
		super.set(key, value);
		if (this.size > this.limit) this.delete(this.keys().next().value!);
		return this;
	}
}
