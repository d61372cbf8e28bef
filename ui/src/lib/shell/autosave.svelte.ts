/**
 * The header's autosave indicator state. Nothing writes to it yet: the meeting workspace will
 * set it when edits are persisted through the API. `idle` shows nothing.
 */
export type AutosaveStatus = 'idle' | 'saving' | 'saved' | 'failed';

class Autosave {
  status = $state<AutosaveStatus>('idle');
}

/** App-wide autosave status. */
export const autosave = new Autosave();
