// Demo content for `npm run demo` and `npm run db:seed`: plain data, no I/O. Everything dated is
// relative to `now` and planned as Europe/Oslo wall-clock times, whatever the process's TZ.
import { formatOsloDateInput, osloLocalToUtc } from "~/platform/oslo-time";
import type { Audience, JoinPolicy, RsvpStatus, StaffRole } from "../db/schema";

/** Already set up for every demo staff account, so sign-in goes straight to the code prompt. */
export const DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXP";
export const DEMO_ADMIN_EMAIL = "admin@example.org";
export const DEMO_MEMBER_PASSPHRASE = "demo-member-pass";

export const demoChapters = [
  { slug: "oslo", name: "Oslo", region: "Østlandet" },
  { slug: "bergen", name: "Bergen", region: "Vestlandet" },
  { slug: "trondheim", name: "Trondheim", region: "Trøndelag" },
  { slug: "stavanger", name: "Stavanger", region: "Rogaland" },
  { slug: "tromso", name: "Tromsø", region: "Nord-Norge" },
] as const;

export type ChapterSlug = (typeof demoChapters)[number]["slug"];

export interface DemoGroup {
  key: string;
  /** null: the national online group */
  chapter: ChapterSlug | null;
  name: string;
  description: string;
  audience: Audience;
  join_policy: JoinPolicy;
}

export const demoGroups = [
  {
    key: "oslo-kvinner",
    chapter: "oslo",
    name: "Kvinnegruppa Oslo",
    description:
      "En trygg gruppe for kvinner i Oslo. Vi møtes til kafékveld hver tirsdag, og ellers til middag, tur og matlaging. Du bestemmer selv hvor mye du vil fortelle.",
    audience: "women",
    join_policy: "approval",
  },
  {
    key: "oslo-alle",
    chapter: "oslo",
    name: "Åpent treff Oslo",
    description:
      "For alle i nettverket i Oslo. Filmkvelder, spill og andre rolige treff der ingen må prate om noe de ikke vil.",
    audience: "everyone",
    join_policy: "open",
  },
  {
    key: "bergen-gutta",
    chapter: "bergen",
    name: "Gutta i Bergen",
    description: "En gruppe for unge menn i Bergen. Fotball hver mandag, middag og turer i fjellet. Kom som du er.",
    audience: "men",
    join_policy: "approval",
  },
  {
    key: "bergen-kvinner",
    chapter: "bergen",
    name: "Kvinnegruppa Bergen",
    description: "Kvinner i Bergen som møtes annenhver uke til kveldsmat og prat. Nye er alltid velkomne.",
    audience: "women",
    join_policy: "approval",
  },
  {
    key: "trondheim-gutta",
    chapter: "trondheim",
    name: "Guttegruppa Trondheim",
    description: "For unge menn i Trondheim. Vi spiller fotball, lager mat og finner på ting sammen.",
    audience: "men",
    join_policy: "approval",
  },
  {
    key: "trondheim-alle",
    chapter: "trondheim",
    name: "Trondheim sammen",
    description: "Kafékvelder og turer for alle i nettverket i Trondheim.",
    audience: "everyone",
    join_policy: "open",
  },
  {
    key: "stavanger-kvinner",
    chapter: "stavanger",
    name: "Kvinnegruppa Stavanger",
    description: "Kvinner i Stavanger som møtes til kafékveld, strikking og matlaging.",
    audience: "women",
    join_policy: "approval",
  },
  {
    key: "stavanger-alle",
    chapter: "stavanger",
    name: "Stavanger for alle",
    description: "Turer og matkvelder for alle i nettverket i Stavanger.",
    audience: "everyone",
    join_policy: "open",
  },
  {
    key: "tromso-alle",
    chapter: "tromso",
    name: "Tromsø-nettverket",
    description: "Et lite nettverk for alle i Nord-Norge. Vi møtes i Tromsø, og noen er med på nett.",
    audience: "everyone",
    join_policy: "open",
  },
  {
    key: "nasjonal",
    chapter: null,
    name: "Nettgruppa – hele landet",
    description:
      "For deg som bor et sted uten lokallag, eller som vil treffe folk fra hele landet. Vi møtes på video, og du kan ha kameraet av.",
    audience: "everyone",
    join_policy: "open",
  },
] as const satisfies readonly DemoGroup[];

export type GroupKey = (typeof demoGroups)[number]["key"];

export interface DemoStaff {
  email: string;
  display_name: string;
  role: StaffRole;
  password: string;
  chapters: ChapterSlug[];
}

export const demoStaff: DemoStaff[] = [
  { email: DEMO_ADMIN_EMAIL, display_name: "Demo-admin", role: "admin", password: "demo-admin-pass", chapters: [] },
  {
    email: "oslo@example.org",
    display_name: "Koordinator Oslo",
    role: "coordinator",
    password: "demo-coordinator-pass",
    chapters: ["oslo"],
  },
  {
    email: "bergen@example.org",
    display_name: "Koordinator Bergen",
    role: "coordinator",
    password: "demo-coordinator-pass",
    chapters: ["bergen"],
  },
];

export interface DemoMember {
  pseudonym: string;
  chapter: ChapterSlug;
  /** active memberships */
  groups: GroupKey[];
  /** asked to join, waiting for staff */
  requested?: GroupKey[];
  locale?: "nb" | "en";
  lastActiveDaysAgo: number;
}

/** Solsikke and Fjellrev are the members to sign in as; the seed plans their RSVPs by hand. */
export const demoMembers: DemoMember[] = [
  { pseudonym: "Solsikke", chapter: "oslo", groups: ["oslo-kvinner"], lastActiveDaysAgo: 1 },
  { pseudonym: "Nordlys", chapter: "oslo", groups: ["oslo-kvinner", "oslo-alle"], lastActiveDaysAgo: 0 },
  { pseudonym: "Lyng", chapter: "oslo", groups: ["oslo-kvinner"], lastActiveDaysAgo: 3 },
  { pseudonym: "Blåbær", chapter: "oslo", groups: ["oslo-kvinner", "nasjonal"], lastActiveDaysAgo: 2 },
  { pseudonym: "Stjerne", chapter: "oslo", groups: ["oslo-kvinner", "oslo-alle"], locale: "en", lastActiveDaysAgo: 6 },
  { pseudonym: "Lotus", chapter: "oslo", groups: ["oslo-kvinner"], lastActiveDaysAgo: 1 },
  { pseudonym: "Havbris", chapter: "oslo", groups: ["oslo-kvinner", "oslo-alle"], lastActiveDaysAgo: 12 },
  { pseudonym: "Sol-92", chapter: "oslo", groups: ["oslo-kvinner"], lastActiveDaysAgo: 4 },
  { pseudonym: "Månelyst", chapter: "oslo", groups: ["oslo-kvinner", "nasjonal"], lastActiveDaysAgo: 0 },
  { pseudonym: "Kardemomme", chapter: "oslo", groups: ["oslo-kvinner", "oslo-alle"], lastActiveDaysAgo: 8 },
  { pseudonym: "Kråke", chapter: "oslo", groups: ["oslo-alle"], lastActiveDaysAgo: 5 },
  { pseudonym: "Ravn_7", chapter: "oslo", groups: ["oslo-alle", "nasjonal"], locale: "en", lastActiveDaysAgo: 2 },
  { pseudonym: "Fjellrev", chapter: "bergen", groups: ["bergen-gutta"], lastActiveDaysAgo: 1 },
  { pseudonym: "Fossekall", chapter: "bergen", groups: ["bergen-gutta", "nasjonal"], lastActiveDaysAgo: 3 },
  { pseudonym: "Ørn", chapter: "bergen", groups: ["bergen-gutta"], lastActiveDaysAgo: 9 },
  { pseudonym: "Måke", chapter: "bergen", groups: ["bergen-kvinner"], lastActiveDaysAgo: 2 },
  { pseudonym: "Tåke", chapter: "bergen", groups: ["bergen-kvinner", "nasjonal"], lastActiveDaysAgo: 7 },
  { pseudonym: "Elg", chapter: "trondheim", groups: ["trondheim-gutta", "trondheim-alle"], lastActiveDaysAgo: 1 },
  { pseudonym: "Nidelv", chapter: "trondheim", groups: ["trondheim-gutta"], lastActiveDaysAgo: 4 },
  {
    pseudonym: "Kompass",
    chapter: "trondheim",
    groups: ["trondheim-alle"],
    requested: ["trondheim-gutta"],
    locale: "en",
    lastActiveDaysAgo: 0,
  },
  { pseudonym: "Fyrlykt", chapter: "stavanger", groups: ["stavanger-kvinner", "stavanger-alle"], lastActiveDaysAgo: 3 },
  { pseudonym: "Sandøy", chapter: "stavanger", groups: ["stavanger-alle", "nasjonal"], lastActiveDaysAgo: 10 },
  { pseudonym: "Polarstjerne", chapter: "tromso", groups: ["tromso-alle", "nasjonal"], lastActiveDaysAgo: 2 },
  { pseudonym: "Reinlav", chapter: "tromso", groups: ["tromso-alle"], lastActiveDaysAgo: 14 },
];

export interface DemoInvite {
  code: string;
  chapter: ChapterSlug;
  groups: GroupKey[];
  createdBy: string;
}

const inviteSeries = (prefix: string, chapter: ChapterSlug, group: GroupKey, createdBy: string): DemoInvite[] =>
  [1, 2, 3, 4, 5].map((n) => ({ code: `${prefix}-000${n}`, chapter, groups: [group], createdBy }));

export const demoInvites: DemoInvite[] = [
  ...inviteSeries("DEMO-OSLO", "oslo", "oslo-kvinner", "oslo@example.org"),
  ...inviteSeries("DEMO-BERGEN", "bergen", "bergen-gutta", "bergen@example.org"),
];
export const DEMO_INVITE_VALID_DAYS = 90;

export interface DemoRsvp {
  pseudonym: string;
  status: RsvpStatus;
  show_pseudonym: 0 | 1;
  note?: string;
}

export interface DemoActivity {
  chapter: ChapterSlug | null;
  group: GroupKey | null;
  /** activities with the same key belong to one weekly series */
  series: string | null;
  title: string;
  description: string;
  starts_at: string;
  ends_at: string;
  area: string;
  address: string;
  capacity: number | null;
  rsvp_deadline: string | null;
  languages: string;
  interpreter_available: 0 | 1;
  cancelled: boolean;
  createdBy: string;
  /** in order of arrival */
  rsvps: DemoRsvp[];
}

// ---------------------------------------------------------------------------------------------
// Calendar days are whole days since 1970-01-01, so adding days is plain arithmetic that never
// crosses a clock change by accident; only `osloTime` turns a day and a time into an instant.

const DAY_MS = 24 * 60 * 60 * 1000;
const dayOf = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const dateOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

function osloTime(day: number, hhmm: string): string {
  const result = osloLocalToUtc(dateOf(day), hhmm);
  // Demo times are chosen to happen exactly once that day; anything else is a mistake here.
  if (!result.ok || result.candidates) throw new Error(`${dateOf(day)} ${hhmm} is not one moment in Oslo`);
  return result.utc;
}

const weekdayOf = (day: number) => new Date(day * DAY_MS).getUTCDay();
const monthOf = (day: number) => new Date(day * DAY_MS).getUTCMonth() + 1;
const dayOfDate = (year: number, month: number, date: number) => Date.UTC(year, month - 1, date) / DAY_MS;

function lastSundayOf(year: number, month: number): number {
  const last = dayOfDate(year, month + 1, 0);
  return last - weekdayOf(last);
}

/** Norway (EU rules) moves its clocks at 01:00 UTC on the last Sunday of March and of October. */
function nextClockChangeDay(now: Date): number {
  const year = now.getUTCFullYear();
  const candidates = [lastSundayOf(year, 3), lastSundayOf(year, 10), lastSundayOf(year + 1, 3)];
  return candidates.find((day) => day * DAY_MS + 60 * 60 * 1000 > now.getTime())!;
}

// ---------------------------------------------------------------------------------------------

const SUNDAY = 0,
  MONDAY = 1,
  TUESDAY = 2,
  WEDNESDAY = 3,
  THURSDAY = 4,
  FRIDAY = 5,
  SATURDAY = 6;

/** Week 0 is the seven days from tomorrow; week 6 is the last that ends inside the eight weeks. */
const EVERY_WEEK = [0, 1, 2, 3, 4, 5, 6];
const EVEN_WEEKS = [0, 2, 4, 6];
const ODD_WEEKS = [1, 3, 5];

// Approximate (they depend on the moon sighting); a celebration is planned when one falls in the window.
const EID_DATES = [
  "2026-03-20",
  "2026-05-27",
  "2027-03-10",
  "2027-05-17",
  "2028-02-27",
  "2028-05-05",
  "2029-02-15",
  "2029-04-24",
  "2030-02-05",
  "2030-04-13",
];

type Season = "winter" | "spring" | "summer" | "autumn";
function seasonOf(day: number): Season {
  const month = monthOf(day);
  if (month === 12 || month <= 2) return "winter";
  if (month <= 5) return "spring";
  if (month <= 8) return "summer";
  return "autumn";
}

type Place = Pick<DemoActivity, "chapter" | "group" | "area" | "address" | "languages" | "createdBy">;
type Details = Pick<DemoActivity, "title" | "description"> &
  Partial<Pick<DemoActivity, "capacity" | "cancelled" | "rsvps">> & { interpreter?: boolean; deadline?: boolean };

const OSLO = "oslo@example.org";
const BERGEN = "bergen@example.org";
const ADMIN = DEMO_ADMIN_EMAIL;

const place = {
  osloKafe: {
    chapter: "oslo",
    group: "oslo-kvinner",
    area: "Grünerløkka",
    address: "Bakrommet på Kafé Lindetreet, Eksempelgata 12",
    languages: "nb,en,ar",
    createdBy: OSLO,
  },
  osloKvinnerHjemme: {
    chapter: "oslo",
    group: "oslo-kvinner",
    area: "Tøyen",
    address: "Fellesrommet, Eksempelveien 4, 2. etasje (ring på «Kontor 2»)",
    languages: "nb,en",
    createdBy: OSLO,
  },
  osloNorskkafe: {
    chapter: "oslo",
    group: null,
    area: "Sentrum",
    address: "Møterom 3, Nabolagshuset, Eksempelgata 30",
    languages: "nb",
    createdBy: OSLO,
  },
  osloAlle: {
    chapter: "oslo",
    group: "oslo-alle",
    area: "Majorstuen",
    address: "Kjelleren, Eksempelallé 8 (inngang fra bakgården)",
    languages: "nb,en",
    createdBy: OSLO,
  },
  osloUte: {
    chapter: "oslo",
    group: null,
    area: "Grünerløkka",
    address: "Vi møtes ved benkene nedenfor Eksempelbrua",
    languages: "nb,en",
    createdBy: OSLO,
  },
  osloBading: {
    chapter: "oslo",
    group: "oslo-kvinner",
    area: "Bjørvika",
    address: "Ved inngangen til den flytende badstua, Eksempelkaia 2",
    languages: "nb,en",
    createdBy: OSLO,
  },
  bergenHall: {
    chapter: "bergen",
    group: "bergen-gutta",
    area: "Fana",
    address: "Eksempelhallen, Eksempelvegen 3, hall B",
    languages: "nb,en",
    createdBy: BERGEN,
  },
  bergenGuttaMiddag: {
    chapter: "bergen",
    group: "bergen-gutta",
    area: "Sentrum",
    address: "Kjøkkenet i Eksempelhuset, Eksempelsmauet 5",
    languages: "nb,en,ar,ti",
    createdBy: BERGEN,
  },
  bergenFjell: {
    chapter: "bergen",
    group: "bergen-gutta",
    area: "Fløyen",
    address: "Vi møtes ved nedre stasjon for Fløibanen",
    languages: "nb,en",
    createdBy: BERGEN,
  },
  bergenKvinner: {
    chapter: "bergen",
    group: "bergen-kvinner",
    area: "Møhlenpris",
    address: "Stuen i Eksempelgården, Eksempelgaten 9",
    languages: "nb,en,so",
    createdBy: BERGEN,
  },
  bergenNorskkafe: {
    chapter: "bergen",
    group: null,
    area: "Sentrum",
    address: "Lesesalen, Eksempelhuset, Eksempelsmauet 5",
    languages: "nb",
    createdBy: BERGEN,
  },
  trondheimHall: {
    chapter: "trondheim",
    group: "trondheim-gutta",
    area: "Lade",
    address: "Eksempelhallen Lade, Eksempelvegen 21",
    languages: "nb,en",
    createdBy: ADMIN,
  },
  trondheimKafe: {
    chapter: "trondheim",
    group: "trondheim-alle",
    area: "Midtbyen",
    address: "Kafé Eksempel, Eksempelgata 17",
    languages: "nb,en,ti,ar",
    createdBy: ADMIN,
  },
  trondheimTur: {
    chapter: "trondheim",
    group: "trondheim-alle",
    area: "Byåsen",
    address: "Parkeringsplassen ved Eksempelstua",
    languages: "nb,en",
    createdBy: ADMIN,
  },
  stavangerKvinner: {
    chapter: "stavanger",
    group: "stavanger-kvinner",
    area: "Storhaug",
    address: "Kafeen i Eksempelhuset, Eksempelveien 11",
    languages: "nb,en,ar,ur",
    createdBy: ADMIN,
  },
  stavangerAlle: {
    chapter: "stavanger",
    group: "stavanger-alle",
    area: "Madla",
    address: "Kjøkkenet i Eksempelhuset, Eksempelveien 11",
    languages: "nb,en",
    createdBy: ADMIN,
  },
  tromso: {
    chapter: "tromso",
    group: "tromso-alle",
    area: "Sentrum",
    address: "Kafé Eksempel, Eksempelgata 6",
    languages: "nb,en",
    createdBy: ADMIN,
  },
  tromsoUte: {
    chapter: "tromso",
    group: "tromso-alle",
    area: "Tromsdalen",
    address: "Vi møtes ved busstoppet Eksempelvegen",
    languages: "nb,en",
    createdBy: ADMIN,
  },
  nett: {
    chapter: null,
    group: "nasjonal",
    area: "Nett",
    address: "Lenken til videomøtet kommer her dagen før",
    languages: "nb,en,ar,so",
    createdBy: ADMIN,
  },
} satisfies Record<string, Place>;

/** At least 40 activities over the next eight weeks, plus one on the next clock-change day. */
export function demoActivities(now: Date): DemoActivity[] {
  const today = dayOf(formatOsloDateInput(now.toISOString()));
  const lastDay = today + 55;
  const weekday = (wd: number, week: number) => today + 1 + ((wd - weekdayOf(today + 1) + 7) % 7) + 7 * week;
  const activities: DemoActivity[] = [];

  function add(where: Place, day: number, from: string, to: string, what: Details, series: string | null = null) {
    const starts_at = osloTime(day, from);
    activities.push({
      ...where,
      series,
      title: what.title,
      description: what.description,
      starts_at,
      ends_at: osloTime(day, to),
      capacity: what.capacity ?? null,
      // Two days ahead at 20:00, so staff can plan food and the interpreter.
      rsvp_deadline: what.deadline ? osloTime(day - 2, "20:00") : null,
      interpreter_available: what.interpreter ? 1 : 0,
      cancelled: what.cancelled ?? false,
      rsvps: what.rsvps ?? [],
    });
  }
  function weekly(where: Place, wd: number, weeks: number[], from: string, to: string, what: Details) {
    const series = `${where.chapter ?? "nasjonal"}:${what.title}`;
    for (const week of weeks) add(where, weekday(wd, week), from, to, what, series);
  }

  weekly(place.osloKafe, TUESDAY, EVERY_WEEK, "18:00", "20:30", {
    title: "Kafékveld",
    description: "Te, kaffe og noe godt å bite i. Kom når du vil og gå når du vil – ingen trenger å si noe.",
  });
  weekly(place.osloNorskkafe, WEDNESDAY, EVERY_WEEK, "17:00", "19:00", {
    title: "Norskkafé",
    description:
      "Øv på norsk med god tid og uten karakterer. Ta gjerne med brev eller skjemaer du vil ha hjelp til å forstå.",
  });
  add(place.osloKvinnerHjemme, today + 3, "17:00", "20:00", {
    title: "Middag sammen",
    description: "Vi lager en enkel middag og spiser sammen. Si fra i påmeldingen om du ikke tåler noe.",
    capacity: 6,
    rsvps: [
      ...["Nordlys", "Lyng", "Blåbær", "Stjerne", "Lotus", "Havbris"].map((pseudonym, i) => ({
        pseudonym,
        status: "going" as const,
        show_pseudonym: (i % 2) as 0 | 1,
      })),
      ...["Sol-92", "Månelyst", "Kardemomme"].map((pseudonym) => ({
        pseudonym,
        status: "waitlisted" as const,
        show_pseudonym: 0 as const,
      })),
    ],
  });
  add(place.osloKvinnerHjemme, weekday(SATURDAY, 2), "13:00", "16:00", {
    title: "Matlaging: somalisk kjøkken",
    description: "Lotus viser oss hvordan hun lager sambusa og bariis. Vi handler inn, du tar bare med deg selv.",
    capacity: 10,
    deadline: true,
    interpreter: true,
  });
  add(place.osloBading, weekday(SUNDAY, 3), "12:00", "14:00", {
    ...(seasonOf(weekday(SUNDAY, 3)) === "summer"
      ? { title: "Bading på Sørenga", description: "Vi bader og griller. Badetøy og håndkle kan lånes." }
      : {
          title: "Badstue og isbad",
          description: "Vi har leid badstua for oss selv. Du velger selv om du vil hoppe i sjøen.",
        }),
    capacity: 8,
    deadline: true,
  });
  add({ ...place.osloKvinnerHjemme, area: "Frogner" }, weekday(THURSDAY, 5), "18:00", "21:00", {
    title: "Jentekveld med neglelakk og film",
    description: "Rolig kveld med snacks, neglelakk og en feelgood-film. Vi stemmer over filmen når vi er der.",
    capacity: 12,
  });
  add(place.osloAlle, weekday(FRIDAY, 1), "18:30", "21:30", {
    title: "Filmkveld",
    description:
      "Vi ser en film med norsk og engelsk tekst og spiser popcorn. Ingen prat om filmen etterpå hvis du ikke vil.",
    capacity: 20,
  });
  add(place.osloAlle, weekday(FRIDAY, 4), "18:00", "21:00", {
    title: "Brettspillkveld",
    description: "Uno, Ludo, Alias og sjakk. Vi lærer deg reglene.",
  });
  add({ ...place.osloAlle, area: "Sentrum" }, weekday(THURSDAY, 1), "18:00", "20:00", {
    title: "Bowling",
    description: "Vi har booket to baner. Sko er inkludert.",
    capacity: 10,
    cancelled: true,
  });

  weekly(place.bergenHall, MONDAY, EVERY_WEEK, "19:00", "20:30", {
    title: "Fotball for gutta",
    description: "Innendørs fotball for alle nivåer. Ta med innesko og drikkeflaske. Vi deler lag på stedet.",
  });
  for (const week of [1, 5]) {
    add(place.bergenGuttaMiddag, weekday(THURSDAY, week), "18:00", "20:30", {
      title: "Middag for gutta",
      description: "Vi lager mat sammen – i kveld er det ris, kylling og salat. Ingen erfaring nødvendig.",
      capacity: 12,
      deadline: true,
      interpreter: week === 1,
    });
  }
  add(place.bergenFjell, weekday(SATURDAY, 2), "11:00", "15:00", {
    title: seasonOf(weekday(SATURDAY, 2)) === "winter" ? "Vintertur til Fløyen" : "Tur over Fløyen",
    description:
      "Vi går opp til Fløyen og videre innover, og koker kakao på bål. Gode sko og varme klær; votter og ullsokker kan lånes.",
    capacity: 15,
  });
  weekly(place.bergenKvinner, WEDNESDAY, EVEN_WEEKS, "18:00", "20:30", {
    title: "Kveldsmat og prat",
    description: "Vi lager kveldsmat sammen og tar det med ro. Tolk på somali kan komme hvis du sier fra.",
    interpreter: true,
  });
  weekly(place.bergenNorskkafe, TUESDAY, ODD_WEEKS, "17:00", "19:00", {
    title: "Norskkafé",
    description: "Samtaletrening på norsk i små grupper, og hjelp med lekser og brev fra NAV.",
  });

  weekly(place.trondheimHall, WEDNESDAY, [0, 1, 2, 3], "19:00", "20:30", {
    title: "Fotball for gutta",
    description: "Vi spiller i hallen på Lade. Alle nivåer, og det er helt greit å bare se på første gang.",
  });
  weekly(place.trondheimKafe, THURSDAY, EVEN_WEEKS, "18:00", "20:00", {
    title: "Kafékveld",
    description: "Vi har kafeen for oss selv. Spill, prat og vafler.",
  });
  add(place.trondheimTur, weekday(SUNDAY, 1), "12:00", "15:00", {
    title: "Tur i Bymarka",
    description: "En rolig tur på rundt fem kilometer med matpause underveis. Vi har med ekstra votter.",
    capacity: 14,
  });

  weekly(place.stavangerKvinner, TUESDAY, EVEN_WEEKS, "18:00", "20:30", {
    title: "Kafékveld med strikking",
    description: "Strikking, hekling eller bare en kopp te. Garn og pinner finnes.",
    interpreter: true,
  });
  add(place.stavangerAlle, weekday(SATURDAY, 3), "14:00", "17:00", {
    title: "Mat fra hverandres kjøkken",
    description: "Alle som vil, viser fram en rett de er glad i. Vi handler inn på forhånd.",
    capacity: 16,
    deadline: true,
  });
  add(place.stavangerAlle, weekday(SUNDAY, 5), "12:00", "14:00", {
    title: "Tur rundt Mosvatnet",
    description: "Flat tur på omtrent en time, med kaffe og kanelboller etterpå.",
  });

  weekly(place.tromso, THURSDAY, EVEN_WEEKS, "18:00", "20:00", {
    title: "Kafékveld",
    description: "Varm drikke og prat i sentrum. Noen av oss kobler seg på fra andre steder i Nord-Norge.",
  });
  const tromsoTur = weekday(SATURDAY, 3);
  add(place.tromsoUte, tromsoTur, seasonOf(tromsoTur) === "summer" ? "21:00" : "19:00", "23:30", {
    ...(seasonOf(tromsoTur) === "summer"
      ? {
          title: "Midnattssoltur",
          description: "Vi går opp på Fløya og ser sola som ikke går ned. Ta med mat og vann.",
        }
      : {
          title: "Nordlystur",
          description: "Vi kjører litt ut av byen for å se etter nordlys. Ullklær og varm drikke anbefales.",
        }),
    capacity: 8,
    deadline: true,
  });

  weekly(place.nett, SUNDAY, EVERY_WEEK, "19:00", "20:00", {
    title: "Søndagsprat på nett",
    description: "Et rolig videomøte for hele landet. Du kan ha kameraet av og bare skrive i chatten hvis du vil.",
    interpreter: true,
  });
  add(place.nett, weekday(TUESDAY, 2), "20:00", "21:00", {
    title: "Temakveld: møte med NAV",
    description:
      "En veileder forklarer hva du har krav på og hvordan du svarer på brev. Still spørsmål anonymt i chatten.",
    interpreter: true,
  });
  add(place.nett, weekday(TUESDAY, 5), "20:00", "21:00", {
    title: "Temakveld: skriv din første CV",
    description: "Vi går gjennom en CV steg for steg. Du trenger ikke å dele skjermen.",
  });

  for (const eid of EID_DATES) {
    const day = dayOf(eid);
    const party = day + ((SATURDAY - weekdayOf(day) + 7) % 7);
    if (party >= today + 3 && party <= lastDay) {
      add(place.osloUte, party, "15:00", "19:00", {
        title: "Eid-feiring",
        description:
          "Høytider kan være tunge uten familien rundt seg. Her feirer vi sammen, med mat, musikk og henna. Alle er velkomne, også du som ikke feirer selv.",
        capacity: 30,
        deadline: true,
      });
    }
  }
  const year = new Date(today * DAY_MS).getUTCFullYear();
  const firstOfDecember = dayOfDate(year, 12, 1);
  const workshop = firstOfDecember + ((SATURDAY - weekdayOf(firstOfDecember) + 7) % 7);
  if (workshop > today && workshop <= lastDay) {
    add({ ...place.osloNorskkafe, area: "Tøyen" }, workshop, "12:00", "16:00", {
      title: "Juleverksted",
      description: "Vi baker pepperkaker og lager pynt. Du trenger ikke å feire jul for å være med.",
      capacity: 20,
    });
  }
  const christmasEve = dayOfDate(year, 12, 24);
  if (christmasEve >= today + 3 && christmasEve <= lastDay) {
    add(place.osloKvinnerHjemme, christmasEve, "14:00", "20:00", {
      title: "Julaften sammen",
      description:
        "For deg som ikke vil være alene i jula. Vi spiser julemiddag, går rundt treet og har små gaver til alle.",
      capacity: 25,
      deadline: true,
    });
  }

  // On the next clock-change day, at a time that exists once on either kind of change day:
  // every view and calendar must still show it at 13:00.
  const clockChange = nextClockChangeDay(now);
  const spring = monthOf(clockChange) === 3;
  add(place.osloUte, clockChange, "13:00", "15:00", {
    title: spring ? "Vårtur langs Akerselva" : "Høsttur langs Akerselva",
    description: `Vi går i rolig tempo fra Grünerløkka til Maridalsvannet. Husk at klokka ble stilt ${
      spring ? "fram" : "tilbake"
    } én time i natt!`,
  });

  planRsvps(activities);
  return activities;
}

/** The members to sign in as: their answers are placed by hand, so browser tests know them. */
const HAND_PLACED = new Set(["Solsikke", "Fjellrev"]);

function planRsvps(activities: DemoActivity[]) {
  const solsikkeKafe = activities.find((a) => a.group === "oslo-kvinner" && a.title === "Kafékveld");
  solsikkeKafe?.rsvps.push({ pseudonym: "Solsikke", status: "going", show_pseudonym: 1 });
  const football = activities.filter((a) => a.group === "bergen-gutta" && a.title === "Fotball for gutta");
  football[0]?.rsvps.push({
    pseudonym: "Fjellrev",
    status: "going",
    show_pseudonym: 0,
    note: "Kommer rett fra jobb, kanskje litt sent.",
  });
  football[1]?.rsvps.push({ pseudonym: "Fjellrev", status: "not_going", show_pseudonym: 0 });

  // Everyone else: a deterministic handful per activity, leaving a place free where there is a limit.
  activities.forEach((activity, index) => {
    if (activity.capacity !== null && activity.rsvps.length >= activity.capacity) return;
    const taken = new Set(activity.rsvps.map((r) => r.pseudonym));
    const eligible = demoMembers.filter(
      (m) =>
        !HAND_PLACED.has(m.pseudonym) &&
        !taken.has(m.pseudonym) &&
        (activity.group !== null ? m.groups.includes(activity.group) : m.chapter === activity.chapter),
    );
    if (eligible.length === 0) return;
    const room = activity.capacity === null ? Infinity : activity.capacity - activity.rsvps.length - 1;
    const count = Math.min(eligible.length, room, 1 + ((index * 7) % 5));
    for (let i = 0; i < count; i++) {
      const member = eligible[(index + i) % eligible.length]!;
      activity.rsvps.push({
        pseudonym: member.pseudonym,
        status: i === 3 ? "not_going" : "going",
        show_pseudonym: (index + i) % 3 === 0 ? 1 : 0,
      });
    }
  });
}

export interface DemoPastActivity extends DemoActivity {
  /** the members marked "came" at the door (a subset of those going, plus walk-ins by pseudonym) */
  came: string[];
  /** people without an account who came */
  walkIns: number;
}

/**
 * Three months of past activities with check-ins, so the report for funders shows real numbers
 * on a fresh demo; small groups give small counts, which the report shows as "<5".
 */
export function demoPastActivities(now: Date): DemoPastActivity[] {
  const today = dayOf(formatOsloDateInput(now.toISOString()));
  const past: DemoPastActivity[] = [];
  const groups = demoGroups.filter((g) => g.chapter !== null);
  groups.forEach((group, g) => {
    // The members to sign in as keep the answers browser tests know; the others have a history.
    const members = demoMembers
      .filter((m) => (m.groups as string[]).includes(group.key) && !HAND_PLACED.has(m.pseudonym))
      .map((m) => m.pseudonym);
    if (members.length === 0) return;
    // Every second week, going back about three months; the first group meets every week.
    const step = g === 0 ? 7 : 14;
    for (let back = 7 + g; back <= 95; back += step) {
      const day = today - back;
      const n = past.length;
      const going = members.filter((_, i) => (i + n) % 4 !== 3);
      const came = going.filter((_, i) => (i + n) % 5 !== 4);
      if (came.length === 0) continue;
      past.push({
        chapter: group.chapter,
        group: group.key as GroupKey,
        series: null,
        title: g % 2 === 0 ? "Kafékveld" : "Middag sammen",
        description: "",
        starts_at: osloTime(day, "18:00"),
        ends_at: osloTime(day, "20:00"),
        area: "Sentrum",
        address: "",
        capacity: null,
        rsvp_deadline: null,
        languages: "nb",
        interpreter_available: 0,
        cancelled: false,
        createdBy:
          demoStaff.find((st) => st.chapters.includes(group.chapter as ChapterSlug))?.email ?? DEMO_ADMIN_EMAIL,
        rsvps: going.map((pseudonym) => ({ pseudonym, status: "going", show_pseudonym: 0 })),
        came,
        walkIns: (n * 5) % 4,
      });
    }
  });
  return past;
}
