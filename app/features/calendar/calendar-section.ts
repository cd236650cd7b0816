// What the calendar section of /me shows; shared by the server code that loads it and the component.
export interface CalendarSectionData {
  /** when the member's current link was made; null when they have none */
  linkCreatedAt: string | null;
  discreetTitles: boolean;
  allActivities: boolean;
}
