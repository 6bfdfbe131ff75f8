/** Time zones through Intl only (no date library). */

/** A date-time formatter per time zone, built once: building one costs far more than using it. */
export function zoneFormatter(options: Intl.DateTimeFormatOptions): (timeZone: string) => Intl.DateTimeFormat {
  const formatters = new Map<string, Intl.DateTimeFormat>();
  return (timeZone) => {
    let f = formatters.get(timeZone);
    if (!f) {
      f = new Intl.DateTimeFormat('en-US', { timeZone, ...options });
      formatters.set(timeZone, f);
    }
    return f;
  };
}
