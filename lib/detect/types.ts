import type { Protocol } from '../types.ts';

/**
 * One port written in page text.
 *
 * The span (`start`, `end`: UTF-16 offsets, end exclusive) covers only the
 * digits of the port, or for a range everything from the first digit of the
 * first port to the last digit of the last one (`135-139`, `6667 through
 * 7000`, `6000:6063`). The host and the keyword are never inside the span,
 * so a caller can underline exactly the number.
 */
export interface PortMention {
  start: number;
  end: number;
  port: number;
  /** Last port of a range (always > port). */
  endPort?: number;
  /** The host written with the port: `localhost`, `10.0.0.1`, `::1`, `*`. */
  host?: string;
  /** The transport protocol named next to the port. */
  protocol?: Protocol;
}
