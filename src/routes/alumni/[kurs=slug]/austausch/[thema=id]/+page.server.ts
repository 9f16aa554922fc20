// The Austausch page of the same name, in the course's alumni space (see ../+page.server.ts).
import * as austausch from '../../../../austausch/[lehrgang=id]/[thema=id]/+page.server';

export const load = austausch.load;
export const actions = austausch.actions;
