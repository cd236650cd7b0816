// Time-zone facts for calendars, read from the time-zone database built into Node (ICU/tzdata,
// updated with Node releases) through Intl — nothing here is typed in by hand.
//
// STOP-GAP for the VTIMEZONE block: no maintained VTIMEZONE package is installed. When one is
// (e.g. @touch4it/ical-timezones, whose getVtimezoneComponent ical-generator supports directly),
// use it for the block. Each transition becomes one explicit observance (no RRULE), for the years
// the calendar covers, so the block is exact for those years even if the rules change later.

import { utcOffsetSeconds, type WallClock } from "~/platform/oslo-time";

const DAY_MS = 24 * 60 * 60 * 1000;

interface Transition {
  /** the first instant of the new offset */
  at: number;
  from: number;
  to: number;
}

/** Offset changes in [start, end), found day by day and then narrowed to the second. */
function transitionsBetween(zone: string, start: number, end: number): Transition[] {
  const found: Transition[] = [];
  let before = utcOffsetSeconds(zone, start);
  for (let day = start; day < end; day += DAY_MS) {
    const next = Math.min(day + DAY_MS, end);
    const after = utcOffsetSeconds(zone, next);
    if (after === before) continue;
    // Invariant: offset(low) === before, offset(high) !== before.
    let low = day;
    let high = next;
    while (high - low > 1000) {
      const middle = low + Math.floor((high - low) / 2000) * 1000;
      if (utcOffsetSeconds(zone, middle) === before) low = middle;
      else high = middle;
    }
    found.push({ at: high, from: before, to: utcOffsetSeconds(zone, high) });
    before = after;
  }
  return found;
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, "0");

function formatOffset(seconds: number): string {
  const sign = seconds < 0 ? "-" : "+";
  const abs = Math.abs(seconds);
  const rest = abs % 60;
  return `${sign}${pad(Math.floor(abs / 3600))}${pad(Math.floor((abs % 3600) / 60))}${rest ? pad(rest) : ""}`;
}

/** "CET"/"CEST" where ICU has a letter abbreviation; nothing for "GMT+1"-style names. */
function abbreviation(zone: string, epochMs: number): string | undefined {
  const name = new Intl.DateTimeFormat("en-GB", { timeZone: zone, timeZoneName: "short" })
    .formatToParts(new Date(epochMs))
    .find((p) => p.type === "timeZoneName")?.value;
  return name && /^[A-Z]{3,6}$/.test(name) ? name : undefined;
}

function observance(kind: "STANDARD" | "DAYLIGHT", dtstart: string, from: number, to: number, name?: string): string[] {
  return [
    `BEGIN:${kind}`,
    `DTSTART:${dtstart}`,
    `TZOFFSETFROM:${formatOffset(from)}`,
    `TZOFFSETTO:${formatOffset(to)}`,
    ...(name ? [`TZNAME:${name}`] : []),
    `END:${kind}`,
  ];
}

/**
 * A zone's offsets over whole years, read from Intl once: after that, wall clocks and offsets in
 * those years are arithmetic (a calendar of 1,000 events would otherwise ask Intl thousands of
 * times). Outside the years it asks Intl.
 */
export class ZoneTable {
  private static readonly cache = new Map<string, ZoneTable>();

  static forYears(zone: string, fromYear: number, toYear: number): ZoneTable {
    const key = `${zone}|${fromYear}|${toYear}`;
    let table = ZoneTable.cache.get(key);
    if (!table) {
      table = new ZoneTable(zone, fromYear, toYear);
      ZoneTable.cache.set(key, table);
    }
    return table;
  }

  private readonly start: number;
  private readonly end: number;
  private readonly initialOffset: number;
  private readonly transitions: Transition[];
  private block?: string;

  private constructor(
    readonly zone: string,
    readonly fromYear: number,
    readonly toYear: number,
  ) {
    this.start = Date.UTC(fromYear, 0, 1);
    this.end = Date.UTC(toYear + 1, 0, 1);
    this.initialOffset = utcOffsetSeconds(zone, this.start);
    this.transitions = transitionsBetween(zone, this.start, this.end);
  }

  offsetAt(epochMs: number): number {
    if (epochMs < this.start || epochMs >= this.end) return utcOffsetSeconds(this.zone, epochMs);
    let offset = this.initialOffset;
    for (const t of this.transitions) {
      if (t.at > epochMs) break;
      offset = t.to;
    }
    return offset;
  }

  wallClock(epochMs: number): WallClock {
    const d = new Date(Math.floor(epochMs / 1000) * 1000 + this.offsetAt(epochMs) * 1000);
    return {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: d.getUTCSeconds(),
    };
  }

  /**
   * Does this instant's wall-clock time happen twice (the repeated hour when clocks go back)?
   * RFC 5545 §3.3.5 says a local time with TZID means the first occurrence, but clients differ
   * (ical.js, behind Thunderbird, takes the second), so such instants are written in UTC.
   */
  isAmbiguous(epochMs: number): boolean {
    if (epochMs < this.start || epochMs >= this.end) {
      return ZoneTable.forYears(
        this.zone,
        new Date(epochMs).getUTCFullYear() - 1,
        new Date(epochMs).getUTCFullYear() + 1,
      ).isAmbiguous(epochMs);
    }
    return this.transitions.some((t) => {
      const repeated = (t.from - t.to) * 1000;
      return repeated > 0 && epochMs >= t.at - repeated && epochMs < t.at + repeated;
    });
  }

  /**
   * The VTIMEZONE block: one observance per offset change in the table's years. Callers choose
   * the years so the first starts before their first event, so the observance in force at every
   * event is in the block. A zone without changes gets one STANDARD observance.
   */
  vtimezone(): string {
    if (this.block) return this.block;
    const lines = ["BEGIN:VTIMEZONE", `TZID:${this.zone}`, `X-LIC-LOCATION:${this.zone}`];
    if (this.transitions.length === 0) {
      lines.push(
        ...observance(
          "STANDARD",
          "19700101T000000",
          this.initialOffset,
          this.initialOffset,
          abbreviation(this.zone, this.start),
        ),
      );
    }
    for (const t of this.transitions) {
      // DTSTART of an observance is the wall clock just before the change, in the old offset.
      const before = new Date(t.at + t.from * 1000);
      const dtstart =
        `${pad(before.getUTCFullYear(), 4)}${pad(before.getUTCMonth() + 1)}${pad(before.getUTCDate())}` +
        `T${pad(before.getUTCHours())}${pad(before.getUTCMinutes())}${pad(before.getUTCSeconds())}`;
      lines.push(
        ...observance(t.to > t.from ? "DAYLIGHT" : "STANDARD", dtstart, t.from, t.to, abbreviation(this.zone, t.at)),
      );
    }
    lines.push("END:VTIMEZONE");
    this.block = lines.join("\r\n");
    return this.block;
  }
}
