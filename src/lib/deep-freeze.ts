/** Freezes an object and everything it holds (Map values too), so shared data cannot be changed. */
export function deepFreeze<T>(value: T): T {
	if (value && typeof value === 'object' && !Object.isFrozen(value)) {
		Object.freeze(value);
		const children = value instanceof Map ? value.values() : Object.values(value);
		for (const child of children) deepFreeze(child);
	}
	return value;
}
