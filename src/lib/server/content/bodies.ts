import { renderBody, type RenderedBody, type RenderLabels } from './render';
import { renderCache, type BodySource, type ContentVersion } from './store';

export interface BodyRenderOptions {
	locale: string;
	labels: RenderLabels;
	/** IDs the pages around a body use; headings take others. */
	reservedIds: readonly string[];
}

/** The rendered body of a lesson or assignment, from the cache when its sources are unchanged. */
export function renderItemBody(
	version: ContentVersion,
	itemId: string,
	options: BodyRenderOptions
): RenderedBody | undefined {
	const body = version.bodies.get(itemId);
	if (!body) return undefined;
	const key = `${body.hash}:${options.locale}`;
	let rendered = renderCache.get(key);
	if (!rendered) {
		rendered = renderSource(version, body, options);
		renderCache.set(key, rendered);
	}
	return rendered;
}

function renderSource(version: ContentVersion, body: BodySource, options: BodyRenderOptions) {
	return renderBody(body.raw, {
		assetBase: body.assetBase,
		readText: (path) => version.texts.get(body.modulePrefix + path) ?? null,
		labels: options.labels,
		reservedIds: options.reservedIds
	});
}

/** A body of a version that is not live (a studio preview): rendered, never cached. */
export function renderUncachedBody(
	version: ContentVersion,
	itemId: string,
	options: BodyRenderOptions
): RenderedBody | undefined {
	const body = version.bodies.get(itemId);
	return body ? renderSource(version, body, options) : undefined;
}

/** Renders every body of `version` ahead of the first request (after start and reloads). */
export function renderAllBodies(version: ContentVersion, options: BodyRenderOptions): number {
	for (const itemId of version.bodies.keys()) renderItemBody(version, itemId, options);
	return version.bodies.size;
}
