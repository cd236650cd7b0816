// Somali: a member's notices, offers, reminders. Draft: needs native review.
import type { Catalog } from "../nb";

export default {
  notices: {
    meta: { title: "Ogeysiisyo" },
    title: "Ogeysiisyo",
    intro: "Fariimo naga socda oo ku saabsan hawlahaaga. Adiga oo kaliya ayaa arka, marka aad gashan tahay.",
    empty:
      "Hadda ogeysiis ma jiro. Marka aad boos hesho, wax isbeddelaan ama ay tahay waqtiga xusuusinta, halkan ayay ka muuqan doontaa.",
    headerLink: "Ogeysiisyo",
    headerUnread: "{{n}} aan la akhrin",
    unread: "Cusub",
    open: "Eeg hawsha",
    markRead: "Calaamadee mid la akhriyay",
    markAllRead: "Calaamadee dhammaan kuwo la akhriyay",
    delete: "Tirtir",
    deleted: "Ogeysiiska waa la tirtiray.",
    allRead: "Dhammaan ogeysiisyada waxaa loo calaamadeeyay kuwo la akhriyay.",
    /** on My page, where push settings used to be */
    meLink: "Ogeysiisyada qalabkan waxaad ka shidi kartaa ama ka demin kartaa bogga Ogeysiisyada.",
    kind: {
      promoted: "Boos ayaad heshay: {{title}}, {{when}}.",
      offered: "Boos ayaa laguu soo bandhigay: {{title}}, {{when}}. Ka jawaab ka hor {{until}}.",
      offer_expired: "Dalabka booska wuu dhacay: {{title}}. Mar kale ayaad ku biiri kartaa liiska sugitaanka.",
      changed_time: "Waqtigii waa isbeddelay: {{title}}. Hadda {{when}}.",
      changed_place: "Goobtii waa isbeddeshay: {{title}}, {{when}}.",
      changed_both: "Waqtiga iyo goobta waa isbeddeleen: {{title}}. Hadda {{when}}.",
      cancelled: "Waa la joojiyay: {{title}}, {{when}}.",
      cancelledReason: "Sababta: {{reason}}",
      restored: "Mar kale waa socotaa: {{title}}, {{when}}. Jawaabtaadu sidii bay tahay.",
      reminder: "Xusuusin: {{title}}, {{when}}.",
      hidden: "Wax ayaa ka beddelmay hawl aadan hadda arkin.",
    },
    /** a push on a device that chose details: title and what happened, never a time or place */
    pushDetail: {
      promoted: "{{title}}: boos ayaad heshay",
      offered: "{{title}}: boos ayaa laguu soo bandhigay",
      offer_expired: "{{title}}: dalabka booska wuu dhacay",
      changed_time: "{{title}}: waqtigii waa isbeddelay",
      changed_place: "{{title}}: goobtii waa isbeddeshay",
      changed_both: "{{title}}: waqtiga iyo goobta waa isbeddeleen",
      cancelled: "{{title}}: waa la joojiyay",
      restored: "{{title}}: mar kale waa socotaa",
      reminder: "{{title}}: xusuusin",
    },
    offer: {
      title: "Boos ayaa laguu soo bandhigay",
      text: "Booska waxaa laguu hayaa ilaa {{until}}. Ma imaan doontaa?",
      accept: "Haa, waan imanayaa",
      decline: "Maya, u gudbi",
    },
    coming: "Waad imanaysaa. Cinwaanku hoos ayuu ku qoran yahay.",
    cancelReasonLabel: "Sababta:",
    reminders: {
      legend: "Xusuusin",
      hint: "Ogeysiis halkan appka ku jira ka hor hawlaha aad tagayso.",
      none: "Xusuusin la'aan",
      day_before: "Maalinta ka horreysa (maalin ka hor bilowga)",
      two_hours: "Laba saac ka hor",
      save: "Kaydi xusuusinta",
      saved: "Xusuusinta waa la kaydiyay.",
    },
  },
} satisfies Pick<Catalog, "notices">;
