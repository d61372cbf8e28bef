/**
 * Autosave for the meeting workspace: every edit is saved within `delay` ms (debounced), one
 * save at a time, and never while an input method is still composing a word (Telex/VNI in ibus
 * or fcitx): half-composed text like "Vieetj" must not be stored. On blur, navigation, close or
 * sign the caller runs `flush()`, which first commits any word still being composed (it reads
 * the field's current value by dispatching an `input` event, as `compositionend` would) and
 * then saves at once. A failed save is kept dirty, shown as failed, and retried every
 * `retryDelay` ms until it succeeds.
 */
export type SaveStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'failed';

export class Saver {
  status = $state<SaveStatus>('idle');
  /** Fields whose input method is mid-composition. */
  readonly composing = new Set<HTMLElement>();
  /**
   * Counts edits (not reactive). A caller that reads the book and then replaces part of the
   * model compares it before and after: a change means the user typed in between.
   */
  generation = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #running: Promise<void> | undefined;
  #dirty = false;

  constructor(
    private readonly save: () => Promise<void>,
    readonly delay = 400,
    /** After a failed save (a full disk, say), try again this many ms later, edits or not. */
    readonly retryDelay = 5_000,
  ) {}

  /** An edit happened: save soon (unless a word is being composed). */
  touch(): void {
    this.generation++;
    this.#dirty = true;
    this.status = 'pending';
    if (this.composing.size > 0) return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#run(), this.delay);
  }

  compositionStart(el: HTMLElement): void {
    this.composing.add(el);
    clearTimeout(this.#timer);
  }

  compositionEnd(el: HTMLElement): void {
    this.composing.delete(el);
    this.touch();
  }

  /** Commits words being composed, then saves now if anything is unsaved. */
  async flush(): Promise<void> {
    for (const el of [...this.composing]) {
      this.composing.delete(el);
      // What compositionend would have done: the field's current value becomes the model's.
      el.dispatchEvent(new Event('input', { bubbles: true }));
      this.#dirty = true;
    }
    clearTimeout(this.#timer);
    if (this.#running) await this.#running;
    if (this.#dirty) await this.#run();
  }

  async #run(): Promise<void> {
    if (this.#running) {
      await this.#running;
      if (!this.#dirty) return;
    }
    this.#dirty = false;
    this.status = 'saving';
    this.#running = this.save().then(
      () => {
        this.status = this.#dirty ? 'pending' : 'saved';
      },
      () => {
        this.#dirty = true;
        this.status = 'failed';
        // Keep trying on our own: the user may have stopped typing, and the text must still
        // reach the disk once space is freed. A new edit reschedules sooner.
        if (this.composing.size === 0) {
          clearTimeout(this.#timer);
          this.#timer = setTimeout(() => void this.#run(), this.retryDelay);
        }
      },
    );
    try {
      await this.#running;
    } finally {
      this.#running = undefined;
    }
  }
}

/**
 * Svelte action for every text field of the workspace: tracks IME composition and flushes on
 * blur. Use with `bind:value` and `oninput={() => saver.touch()}`.
 */
export function imeSafe(node: HTMLElement, saver: Saver) {
  const start = () => saver.compositionStart(node);
  const end = () => saver.compositionEnd(node);
  const blur = () => void saver.flush();
  node.addEventListener('compositionstart', start);
  node.addEventListener('compositionend', end);
  node.addEventListener('blur', blur);
  return {
    destroy() {
      node.removeEventListener('compositionstart', start);
      node.removeEventListener('compositionend', end);
      node.removeEventListener('blur', blur);
    },
  };
}
