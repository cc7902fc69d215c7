// List continuation: after a mention announced by a keyword, the numbers
// joined to it by commas, "and", slashes or a bracketed note are mentions too.
// Modes (bits) say how the numbers after a mention may continue it.
/** After this mention, more numbers joined by commas/"and" are mentions too. */
export const M_LIST = 1;
/** "to" joins a range (plural keyword or "range"). */
export const M_TO_RANGE = 2;
/** "to", "->", "==>" join a second mention (a change of port). */
export const M_CHANGE = 4;
/** Spaces alone separate list items (EXPOSE 80 443, nc host 22 80). */
export const M_SPACE_LIST = 8;
/** Two numbers separated by spaces form a range (PassivePorts 49152 65534). */
export const M_SPACE_RANGE = 16;
/** Only an arrow continues: "127.0.0.1:8080 -> 80" (kubectl port-forward). */
export const M_ARROW = 32;
/** "between" was read before the number: "and" makes a range (ports between 6000 and 6063). */
export const M_BETWEEN = 64;
