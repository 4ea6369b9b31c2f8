/**
 * What the certificate needs only once it is earned, in a file `dist/sabaq.js` loads then: the drawing,
 * the ink it is drawn in, printing it alone and downloading it.
 */
export { certificateSvg } from './certificate-svg.js';

/**
 * The certificate is paper, light whatever the page's colour scheme: its heading and borders take the
 * partner's primary colour where it reads on the paper as text must (WCAG AA, 4.5:1), as a light
 * scheme's primary does, and the default green otherwise (a dark scheme's pale primary, say).
 */
export function paperInk(color: string): string {
  let ink = inks.get(color);
  if (ink === undefined) inks.set(color, (ink = measureInk(color)));
  return ink;
}

/** Colours already checked: the check draws into a canvas, which a re-render should not repeat. */
const inks = new Map<string, string>();

function measureInk(color: string): string {
  const context = document.createElement('canvas').getContext('2d')!;
  context.fillStyle = color || '#0b6b3a';
  const hex = context.fillStyle; // #rrggbb for any opaque colour
  const rgb = parseInt(hex.slice(1), 16);
  // Its relative luminance (with gamma 2.2) at most 0.179 is 4.5:1 on the paper (#fffdf7, 0.98).
  const luminance = 0.2126 * ((rgb >> 16) / 255) ** 2.2 + 0.7152 * (((rgb >> 8) & 255) / 255) ** 2.2 + 0.0722 * ((rgb & 255) / 255) ** 2.2;
  return hex[0] === '#' && luminance < 0.179 ? hex : '#0b6b3a';
}

/** The element an element is inside, crossing out of a shadow root to its host. */
function containerOf(element: Element): Element | undefined {
  const root = element.getRootNode();
  return element.parentElement ?? (root instanceof ShadowRoot ? root.host : undefined);
}

/** Draws an SVG image into a canvas and returns it as PNG. */
async function rasterize(svgBlob: Blob, width: number, height: number): Promise<Blob> {
  const url = URL.createObjectURL(svgBlob);
  try {
    const image = new Image(width, height);
    image.src = url;
    await image.decode();
    const canvas = Object.assign(document.createElement('canvas'), { width, height });
    canvas.getContext('2d')!.drawImage(image, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('no PNG'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/**
 * Prints the certificate alone: for the print only, everything on the page but the certificate and the
 * elements around it is left out (not merely hidden, which would print a long page's blank pages).
 */
export function printAlone(certificate: HTMLElement): void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(
    // Written minified: the bundle's minifier leaves strings as they are.
    '@media print{[data-sabaq-print-path]>:not([data-sabaq-print-path],[data-sabaq-printing]){display:none!important}}',
  );
  // The document's elements around the certificate, crossing any shadow root it is inside.
  const path: Element[] = [];
  for (let node = containerOf(certificate); node && node !== document.documentElement; node = containerOf(node)) {
    if (node.getRootNode() === document) path.push(node);
  }
  const restore = () => {
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    certificate.removeAttribute('data-sabaq-printing');
    path.forEach((element) => element.removeAttribute('data-sabaq-print-path'));
    window.removeEventListener('afterprint', restore);
  };
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  certificate.setAttribute('data-sabaq-printing', '');
  path.forEach((element) => element.setAttribute('data-sabaq-print-path', ''));
  window.addEventListener('afterprint', restore);
  window.print();
  // Some browsers fire no afterprint when printing is cancelled or unsupported.
  setTimeout(restore, 1000);
}

/** Saves the drawing as a PNG image, or as the SVG where drawing it into a canvas fails. */
export async function downloadDrawing(drawing: SVGSVGElement, name: string): Promise<void> {
  const source = new XMLSerializer().serializeToString(drawing);
  const svgBlob = new Blob([source], { type: 'image/svg+xml' });
  let file: Blob = svgBlob;
  let extension = 'svg';
  try {
    file = await rasterize(svgBlob, drawing.viewBox.baseVal.width * 2, drawing.viewBox.baseVal.height * 2);
    extension = 'png';
  } catch {
    // A browser that cannot draw the SVG into a canvas still gets the SVG.
  }
  const url = URL.createObjectURL(file);
  const link = Object.assign(document.createElement('a'), { href: url, download: `${name}.${extension}` });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
