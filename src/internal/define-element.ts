/** Registers a custom element unless the tag is taken: importing sabaq twice must never throw. */
export function defineElement(tag: string, element: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, element);
}
