// Line-by-line comparison of two text versions, for showing what a commit changed.
import { diffLines } from 'diff';

export interface DiffLine {
	kind: 'same' | 'added' | 'removed';
	text: string;
	oldNumber: number | null;
	newNumber: number | null;
}

export interface SkippedLines {
	kind: 'skipped';
	count: number;
}

export function lineDiff(before: string, after: string): DiffLine[] {
	const lines: DiffLine[] = [];
	let oldNumber = 0;
	let newNumber = 0;
	for (const change of diffLines(before, after)) {
		const kind = change.added ? 'added' : change.removed ? 'removed' : 'same';
		for (const text of splitLines(change.value)) {
			if (kind !== 'added') oldNumber += 1;
			if (kind !== 'removed') newNumber += 1;
			lines.push({
				kind,
				text,
				oldNumber: kind === 'added' ? null : oldNumber,
				newNumber: kind === 'removed' ? null : newNumber
			});
		}
	}
	return lines;
}

function splitLines(value: string): string[] {
	const lines = value.split(/\r?\n/);
	if (lines.at(-1) === '') lines.pop();
	return lines;
}

/** Keeps `context` unchanged lines around each change; longer unchanged runs become one marker. */
export function collapseUnchanged(lines: DiffLine[], context = 3): (DiffLine | SkippedLines)[] {
	const visible = lines.map((line) => line.kind !== 'same');
	lines.forEach((line, index) => {
		if (line.kind === 'same') return;
		const from = Math.max(0, index - context);
		const to = Math.min(lines.length - 1, index + context);
		for (let near = from; near <= to; near += 1) visible[near] = true;
	});
	const rows: (DiffLine | SkippedLines)[] = [];
	lines.forEach((line, index) => {
		if (visible[index]) {
			rows.push(line);
			return;
		}
		const last = rows.at(-1);
		if (last?.kind === 'skipped') last.count += 1;
		else rows.push({ kind: 'skipped', count: 1 });
	});
	return rows;
}
