import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The domain folders under src/lib/server import each other one way only: a cycle between two
// folders (directly or around several) means neither can be understood or changed alone.

const ROOT = 'src/lib/server';

function sourceFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return sourceFiles(path);
		return /\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [path] : [];
	});
}

/** folder → folders it imports from (type-only imports count: they tie the meaning too). */
function folderGraph(): Map<string, Set<string>> {
	const folders = readdirSync(ROOT, { withFileTypes: true })
		.filter((entry) => entry.isDirectory())
		.map((entry) => entry.name);
	const graph = new Map(folders.map((folder) => [folder, new Set<string>()]));
	for (const folder of folders) {
		for (const file of sourceFiles(join(ROOT, folder))) {
			const depth = file.split('/').length - ROOT.split('/').length - 1;
			const up = '../'.repeat(depth);
			for (const match of readFileSync(file, 'utf8').matchAll(/from '([^']+)'/g)) {
				const target = match[1]!;
				const other = target.startsWith('$lib/server/')
					? target.slice('$lib/server/'.length).split('/')[0]
					: depth > 0 && target.startsWith(up) && !target.startsWith(`${up}../`)
						? target.slice(up.length).split('/')[0]
						: undefined;
				if (other && other !== folder && graph.has(other)) graph.get(folder)!.add(other);
			}
		}
	}
	return graph;
}

/** Strongly connected groups of more than one folder (Tarjan). */
function cycles(graph: Map<string, Set<string>>): string[][] {
	let index = 0;
	const order = new Map<string, number>();
	const low = new Map<string, number>();
	const stack: string[] = [];
	const groups: string[][] = [];
	const visit = (node: string) => {
		order.set(node, index);
		low.set(node, index);
		index += 1;
		stack.push(node);
		for (const next of graph.get(node)!) {
			if (!order.has(next)) {
				visit(next);
				low.set(node, Math.min(low.get(node)!, low.get(next)!));
			} else if (stack.includes(next)) {
				low.set(node, Math.min(low.get(node)!, order.get(next)!));
			}
		}
		if (low.get(node) === order.get(node)) {
			const group: string[] = [];
			let member: string;
			do {
				member = stack.pop()!;
				group.push(member);
			} while (member !== node);
			if (group.length > 1) groups.push(group.sort());
		}
	};
	for (const node of graph.keys()) if (!order.has(node)) visit(node);
	return groups;
}

describe('imports between the server domain folders', () => {
	it('finds a cycle when there is one', () => {
		const graph = new Map([
			['a', new Set(['b'])],
			['b', new Set(['c'])],
			['c', new Set(['a'])],
			['d', new Set(['a'])]
		]);
		expect(cycles(graph)).toEqual([['a', 'b', 'c']]);
	});

	it('run one way only', () => {
		const graph = folderGraph();
		expect(graph.size).toBeGreaterThan(10);
		expect(graph.get('progress')!.has('content')).toBe(true);
		expect(cycles(graph)).toEqual([]);
	});
});
