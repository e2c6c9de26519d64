// The tool's name, version and home, from package.json (esbuild inlines only the fields used).

import { repository, version } from '../../package.json';
import type { ToolInfo } from '../core/formatters/types';

const home = repository.url.replace(/^git\+/, '').replace(/\.git$/, '');

export const TOOL: ToolInfo = { name: 'prompt-cost', version, informationUri: home };

/** Rule docs (`docs/rules/<id>.md`) resolve against the repository's main branch. */
export const DOCS_BASE_URI = `${home}/blob/main/`;
