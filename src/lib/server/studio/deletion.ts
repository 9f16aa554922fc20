import { getItem, getModule, getTrainerMaterial } from '../content';
import type { OpenCourse } from './index';
import type { CourseTree } from './tree';
import { usageOf, type ItemUsage } from './usage';

// What deleting a page would touch, for the confirmation step.

export interface DeletionPreview {
	path: string;
	title: string;
	kind: 'module' | 'item';
	/** Pages in a module that go with it. */
	pages: number;
	/**
	 * Whether learners can see it now. A page that was never published goes at once (its draft is
	 * all there is); a published one stays visible until the deletion is published.
	 */
	published: boolean;
	usage: ItemUsage;
}

type Located =
	| { kind: 'module'; id: string; title: string; pages: number }
	| { kind: 'item'; id: string; title: string; trainer: boolean };

function locate(tree: CourseTree, path: string): Located | null {
	for (const module of tree.modules) {
		const moduleId = `${tree.id}/${module.slug}`;
		if (module.path === path) {
			return { kind: 'module', id: moduleId, title: module.title, pages: module.items.length };
		}
		const item = module.items.find((candidate) => candidate.path === path);
		if (item) {
			const trainer = item.kind === 'trainer';
			return { kind: 'item', id: `${moduleId}/${item.slug}`, title: item.title, trainer };
		}
	}
	return null;
}

/** By ID in the live content, so a page renamed in a draft (new order) still counts as published. */
function isLive(located: Located): boolean {
	if (located.kind === 'module') return getModule(located.id) !== undefined;
	return (located.trainer ? getTrainerMaterial(located.id) : getItem(located.id)) !== undefined;
}

/** Whether learners see the page (or module) at `path` now; false for unknown paths. */
export function isPublished({ tree }: OpenCourse, path: string): boolean {
	const located = locate(tree, path);
	return located !== null && isLive(located);
}

export function deletionPreview({ tree }: OpenCourse, path: string): DeletionPreview | null {
	const located = locate(tree, path);
	if (!located) return null;
	const common = { path, title: located.title, published: isLive(located) };
	return located.kind === 'module'
		? {
				...common,
				kind: 'module',
				pages: located.pages,
				usage: usageOf(located.id, { below: true })
			}
		: { ...common, kind: 'item', pages: 0, usage: usageOf(located.id) };
}
