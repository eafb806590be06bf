// metav1.Time and metav1.MicroTime as they are written on the wire.

let lastSecond = Number.NaN;
let lastSecondText = '';

/** RFC 3339 in UTC with whole seconds, as metav1.Time prints (the last second's text is kept: writes come many a second). */
export function rfc3339(ms: number): string {
  const second = Math.floor(ms / 1000);
  if (second !== lastSecond) {
    lastSecondText = new Date(second * 1000).toISOString().replace('.000Z', 'Z');
    lastSecond = second;
  }
  return lastSecondText;
}

/** RFC 3339 with microseconds, the MicroTime wire format. */
export function microTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}
