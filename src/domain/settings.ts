/** Settings of the hours actions (from the configuration). */
export interface HoursSettings {
  readonly timeZone: string;
  readonly maxEntryMinutes: number;
  readonly maxDayMinutes: number;
}
