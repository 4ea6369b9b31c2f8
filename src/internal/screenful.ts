/**
 * Long lists (a quiz's questions, a long course's contents) are drawn a screenful first and the rest
 * once that screenful is on screen: on a phone, the first question of a 20-question quiz, or the lesson
 * beside a 200-lesson contents, shows without waiting for what lies below the fold.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** In case frames are not drawn (a hidden tab), the rest is drawn after this long all the same. */
const REST_AT_THE_LATEST_MS = 100;

export class ScreenfulController implements ReactiveController {
  /** Whether the first screenful has been drawn, so that lists are shown whole. */
  private drawn = false;
  private scheduled = false;
  /** Whether the update under way left part of a list out. */
  partial = false;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostUpdate(): void {
    this.partial = false;
  }

  /** The first `count` of `items` until the first screenful is on screen; then all of them. */
  firstScreenful<T>(items: readonly T[], count: number): readonly T[] {
    if (this.drawn || items.length <= count) return items;
    this.partial = true;
    this.scheduleRest();
    return items.slice(0, count);
  }

  private scheduleRest(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    const drawRest = () => {
      if (this.drawn) return;
      this.drawn = true;
      this.host.requestUpdate();
    };
    // A frame's callbacks run before it is painted: the task after them comes once it is.
    requestAnimationFrame(() => setTimeout(drawRest));
    setTimeout(drawRest, REST_AT_THE_LATEST_MS);
  }
}
