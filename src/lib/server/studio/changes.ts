import { hashOf, listDrafts } from './drafts';
import { collapseUnchanged, lineDiff } from './line-diff';
import { liveFile } from './workspace';

// The author's draft as a list of changed files with a readable diff, for the publish page.

const isBinary = (content: Buffer | Uint8Array | null) =>
	content !== null && Buffer.from(content).subarray(0, 8000).includes(0);

export type ChangeKind = 'added' | 'modified' | 'deleted';

export function diffView(before: Buffer | Uint8Array | null, after: Buffer | Uint8Array | null) {
	if (isBinary(before) || isBinary(after)) return null;
	const text = (content: Buffer | Uint8Array | null) =>
		content ? Buffer.from(content).toString('utf8') : '';
	return collapseUnchanged(lineDiff(text(before), text(after)));
}

export function draftChanges(userId: string, courseDir: string) {
	return listDrafts(userId, courseDir).map((draft) => {
		const live = liveFile(draft.path);
		const kind: ChangeKind =
			draft.content === null ? 'deleted' : live === null ? 'added' : 'modified';
		return {
			path: draft.path,
			kind,
			conflict: hashOf(live) !== draft.baseHash,
			diff: diffView(live, draft.content)
		};
	});
}
