// Form posts for the staff activity forms in integration tests: fields as the browser sends them
// (a list field once per value), and the weekly series the series tests publish.

/** Fields as a browser posts them: an array value becomes one field per value. */
export function formFields(fields: Record<string, string | string[]>): Array<[string, string]> {
  return Object.entries(fields).flatMap(([k, v]) =>
    Array.isArray(v) ? v.map((x) => [k, x] as [string, string]) : [[k, v] as [string, string]],
  );
}

/** Thursdays 18:00–20:00 Oslo from 11 March 2027: summer time starts on Sunday 28 March 2027. */
export const weeklySeriesFields = {
  title: "Middag sammen",
  description: "Vi lager mat.",
  startDate: "2027-03-11",
  startTime: "18:00",
  endDate: "2027-03-11",
  endTime: "20:00",
  area: "Sentrum",
  address: "Eksempelsmauet 5",
  capacity: "3",
  deadlineDate: "",
  deadlineTime: "",
  languages: ["nb"],
  repeat: "weekly",
  repeatUntil: "2027-04-15",
};
