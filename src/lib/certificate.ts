/**
 * The verification code of a certificate: derived from what the certificate says, so it is the same
 * each time it is shown and changes if any of it changes. sabaq never claims a certificate is
 * verified: checking a code against its records is the issuer's job.
 */
import { contentHash } from './text.js';

export interface CertificateContents {
  courseId: string;
  courseTitle: string;
  issuer?: string;
  learnerName: string;
  issuedAt: number;
  score: number;
}

/** `XXXX-XXXX-XXXX`, uppercase letters and digits without look-alikes (Crockford's base 32). */
export function certificateCode(contents: CertificateContents): string {
  const source = [
    contents.courseId,
    contents.courseTitle,
    contents.issuer ?? '',
    contents.learnerName.trim(),
    String(contents.issuedAt),
    String(contents.score),
  ].join('\u241E');
  const digits = BigInt(`0x${contentHash(source)}${contentHash(`${source}\u241E2`).slice(-2)}`);
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  let code = '';
  for (let i = 0, rest = digits; i < 12; i++, rest >>= 5n) code = alphabet[Number(rest & 31n)] + code;
  return code.match(/.{4}/g)!.join('-');
}
