// Politeness and filler ("please", "I would like you to", "It is important that you", "basically"…).

import { phrasePass } from '../phraseEdits';
import { FILLER_PHRASES } from '../phrases';

export const fillerPass = phrasePass('filler', 'removes politeness and filler phrases', FILLER_PHRASES);
