/** Shared helpers for the element tests: unique storage per test, events, waiting. */
import { aTimeout, waitUntil } from '@open-wc/testing';
import { SABAQ_EVENT_TYPES, type SabaqEvent, type SabaqEventType } from '../../src/events.js';

/** A namespace no other test uses, so each test starts with no progress. */
export function freshNamespace(): string {
  return `test-${Math.random().toString(36).slice(2)}`;
}

/** Records every sabaq event that reaches `target`. */
export function recordEvents(target: EventTarget = document) {
  const events: SabaqEvent[] = [];
  const types = SABAQ_EVENT_TYPES;
  const listener = (event: Event) => events.push(event as SabaqEvent);
  types.forEach((type) => target.addEventListener(type, listener));
  return {
    events,
    of<T extends SabaqEventType>(type: T) {
      return events.filter((event): event is SabaqEvent<T> => event.type === type);
    },
    stop: () => types.forEach((type) => target.removeEventListener(type, listener)),
  };
}

/** Waits for a condition; strict-durability writes can take a while on a loaded machine. */
export function until(condition: () => unknown, message?: string, timeout = 5000): Promise<void> {
  return waitUntil(condition, message, { timeout });
}

/** Waits until `find` returns an element from the element's shadow root. */
export async function shadowElement<T extends Element>(host: Element, selector: string, timeout = 4000): Promise<T> {
  await waitUntil(() => host.shadowRoot?.querySelector(selector), `no ${selector} in <${host.localName}>`, { timeout });
  return host.shadowRoot!.querySelector<T>(selector)!;
}

/** Buttons in the element's shadow root, by their visible name. */
export function button(host: Element, name: string | RegExp): HTMLButtonElement {
  const buttons = [...host.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')];
  const match = buttons.find((candidate) => {
    const label = (candidate.getAttribute('aria-label') ?? candidate.textContent ?? '').trim();
    return typeof name === 'string' ? label === name : name.test(label);
  });
  if (!match) throw new Error(`no button named ${name} in <${host.localName}>: ${buttons.map((b) => b.textContent?.trim()).join(', ')}`);
  return match;
}

export { aTimeout };
