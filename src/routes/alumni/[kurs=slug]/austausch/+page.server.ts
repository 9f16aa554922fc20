// The alumni area is the Austausch of the course's alumni network: the same pages, whose guard
// (requireDiscussion) reads the space from the URL.
import * as austausch from '../../../austausch/[lehrgang=id]/+page.server';

export const load = austausch.load;
