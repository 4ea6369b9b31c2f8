/**
 * Code an element needs only in some states (the certificate's drawing, say), imported when it is first
 * asked for: in `dist/sabaq.js` it is a file beside the script, so a page that never shows that state
 * never fetches it. The element renders without it meanwhile and again once it has arrived.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class LazyModule<Module> implements ReactiveController {
  private loaded: Module | undefined;
  private loading: Promise<void> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly load: () => Promise<Module>,
    /** Told when the file could not be fetched; the next render asks again. */
    private readonly onError: (error: unknown) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** The module, or undefined while it loads (asking starts the load). */
  get module(): Module | undefined {
    this.loading ??= this.load().then(
      (module) => {
        this.loaded = module;
        this.host.requestUpdate();
      },
      (error: unknown) => {
        this.loading = undefined;
        this.onError(error);
      },
    );
    return this.loaded;
  }
}
