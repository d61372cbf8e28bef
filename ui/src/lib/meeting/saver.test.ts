import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Saver, imeSafe } from './saver.svelte';

/** A field wired like the workspace's: `input` copies the value into the model and touches. */
function field(saver: Saver, model: { text: string }) {
  const input = document.createElement('input');
  document.body.append(input);
  input.addEventListener('input', () => {
    model.text = input.value;
    saver.touch();
  });
  const action = imeSafe(input, saver);
  const type = (value: string) => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  };
  return { input, type, destroy: () => action.destroy() };
}

describe('Saver (autosave)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    vi.useRealTimers();
    document.body.innerHTML = '';
  });

  it('debounces: many edits, one save, within the delay', async () => {
    const saved: string[] = [];
    const model = { text: '' };
    const saver = new Saver(async () => void saved.push(model.text), 400);
    const f = field(saver, model);
    f.type('B');
    f.type('Bi');
    f.type('Biên');
    expect(saver.status).toBe('pending');
    await vi.advanceTimersByTimeAsync(399);
    expect(saved).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(saved).toEqual(['Biên']);
    expect(saver.status).toBe('saved');
  });

  it('flush saves at once and only when something is unsaved', async () => {
    const save = vi.fn(async () => {});
    const saver = new Saver(save, 400);
    await saver.flush();
    expect(save).not.toHaveBeenCalled();
    saver.touch();
    await saver.flush();
    expect(save).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('never saves while an input method is composing, then saves the committed word', async () => {
    const saved: string[] = [];
    const model = { text: '' };
    const saver = new Saver(async () => void saved.push(model.text), 400);
    const f = field(saver, model);
    f.input.dispatchEvent(new CompositionEvent('compositionstart'));
    f.type('Vieetj'); // Telex keystrokes still being composed
    await vi.advanceTimersByTimeAsync(2000);
    expect(saved).toEqual([]);
    f.input.value = 'Việt';
    f.input.dispatchEvent(new CompositionEvent('compositionend', { data: 'Việt' }));
    f.input.dispatchEvent(new Event('input', { bubbles: true }));
    await vi.advanceTimersByTimeAsync(400);
    expect(saved).toEqual(['Việt']);
  });

  it('on blur, a word still being composed is committed (read from the field) and saved', async () => {
    const saved: string[] = [];
    const model = { text: 'Chi bộ' };
    const saver = new Saver(async () => void saved.push(model.text), 400);
    const f = field(saver, model);
    f.input.dispatchEvent(new CompositionEvent('compositionstart'));
    // The IME has put text in the field but no input event reached the model yet.
    f.input.value = 'Chi bộ họp';
    f.input.dispatchEvent(new FocusEvent('blur'));
    await vi.runAllTimersAsync();
    expect(model.text).toBe('Chi bộ họp');
    expect(saved).toEqual(['Chi bộ họp']);
    expect(saver.composing.size).toBe(0);
  });

  it('flush before close/sign commits the composing word too', async () => {
    const saved: string[] = [];
    const model = { text: '' };
    const saver = new Saver(async () => void saved.push(model.text), 400);
    const f = field(saver, model);
    f.input.dispatchEvent(new CompositionEvent('compositionstart'));
    f.input.value = 'Nghị quyết';
    await saver.flush();
    expect(saved).toEqual(['Nghị quyết']);
  });

  it('a failed save is retried by the next edit and reported', async () => {
    let fail = true;
    const save = vi.fn(async () => {
      if (fail) throw new Error('disk full');
    });
    const saver = new Saver(save, 100);
    saver.touch();
    await vi.advanceTimersByTimeAsync(100);
    expect(saver.status).toBe('failed');
    fail = false;
    saver.touch();
    await vi.advanceTimersByTimeAsync(100);
    expect(saver.status).toBe('saved');
  });

  it('a failed save is retried on its own, without another edit, until it succeeds', async () => {
    let fail = true;
    const save = vi.fn(async () => {
      if (fail) throw new Error('disk full');
    });
    const saver = new Saver(save, 100, 1_000);
    saver.touch();
    await vi.advanceTimersByTimeAsync(100);
    expect(saver.status).toBe('failed');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(save).toHaveBeenCalledTimes(2);
    expect(saver.status).toBe('failed');
    fail = false;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(save).toHaveBeenCalledTimes(3);
    expect(saver.status).toBe('saved');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(save).toHaveBeenCalledTimes(3);
  });

  it('counts edits, so that a reload can tell the user typed while it read the book', async () => {
    const saver = new Saver(async () => {}, 100);
    const before = saver.generation;
    await saver.flush();
    expect(saver.generation).toBe(before);
    saver.touch();
    saver.touch();
    expect(saver.generation).toBe(before + 2);
  });
});
