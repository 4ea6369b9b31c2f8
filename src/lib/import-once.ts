/**
 * A file of `dist/sabaq.js`'s own, imported on first need and then kept: a failed fetch (a patchy
 * connection) is not kept, so the next need tries again.
 */
export function importOnce<Module>(load: () => Promise<Module>): { load(): Promise<Module>; readonly loaded: Module | undefined } {
  let loading: Promise<Module> | undefined;
  let loaded: Module | undefined;
  return {
    load() {
      loading ??= load().then(
        (module) => (loaded = module),
        (error: unknown) => {
          loading = undefined;
          throw error;
        },
      );
      return loading;
    },
    get loaded() {
      return loaded;
    },
  };
}
