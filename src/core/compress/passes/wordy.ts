// Wordy phrases to plain ones ("in order to" → "to", "due to the fact that" → "because").

import { phrasePass } from '../phraseEdits';
import { WORDY_PHRASES } from '../phrases';

export const wordyPass = phrasePass('wordy', 'replaces wordy phrases with plain ones', WORDY_PHRASES);
